#!/usr/bin/env bash
# Checks the sources against the project's style and static analysis, as CI
# does (scripts/test.sh runs it after the normal build):
#   - clang-format (.clang-format): every .cc and .h, checked, not rewritten;
#     `scripts/lint.sh --fix` rewrites them instead;
#   - clang-tidy (.clang-tidy, warnings as errors): the library's and the
#     command line's sources, with the compile commands of BUILD_DIR
#     (default build/, configured by scripts/build.sh). Tests, fuzz targets
#     and benchmarks are left to the compiler's warnings: gtest's macros
#     trip checks meant for product code.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
jobs=${JOBS:-2}
fix=0
[ "${1:-}" = --fix ] && fix=1

# The project's files: git's list in a checkout, else every .cc and .h
# outside the build directories.
list_files() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files "$@"
  else
    local patterns=()
    for p in "$@"; do patterns+=(-o -path "./$p"); done
    find . \( -path './build*' -o -path ./.git -o -path '*/node_modules' \) -prune \
      -o -type f \( -false "${patterns[@]}" \) -print | sed 's|^\./||' | sort
  fi
}
mapfile -t sources < <(list_files '*.cc' '*.h')
if [ "$fix" = 1 ]; then
  clang-format -i "${sources[@]}"
  exit 0
fi

echo "== clang-format (${#sources[@]} files)"
unformatted=()
for f in "${sources[@]}"; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "error: not formatted as .clang-format says (run scripts/lint.sh --fix):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi

if [ ! -f "$build_dir/compile_commands.json" ]; then
  echo "error: cannot run clang-tidy: no '$build_dir/compile_commands.json' (run scripts/build.sh)" >&2
  exit 2
fi
mapfile -t checked < <(list_files 'src/*.cc' | grep -v -E '_(test|fuzz)\.cc$')
echo "== clang-tidy (${#checked[@]} files, $jobs at a time)"
# One process per file, its report printed whole if it fails.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
printf '%s\n' "${checked[@]}" | xargs -P "$jobs" -I{} sh -c '
  log="$2/$(printf %s "$1" | tr / _).log"
  clang-tidy -p "$0" --quiet "$1" >"$log" 2>/dev/null || { cat "$log"; exit 1; }' \
  "$build_dir" {} "$tmp" || status=$?
if [ "$status" != 0 ]; then
  echo "error: clang-tidy found problems (above)" >&2
  exit 1
fi
echo "lint: clean"
