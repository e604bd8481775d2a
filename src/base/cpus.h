// How many CPUs this process may run on.
//
// Thread safety: a pure function of the process's affinity.
#ifndef RAPPORTEUR_SRC_BASE_CPUS_H_
#define RAPPORTEUR_SRC_BASE_CPUS_H_

namespace rapporteur {

// The CPUs of this process's affinity mask (taskset, cgroups' cpusets),
// which std::thread::hardware_concurrency does not see; at least 1. Work
// that only overlaps other work is not worth a thread when this is 1.
int CpusAvailable();

}  // namespace rapporteur

#endif  // RAPPORTEUR_SRC_BASE_CPUS_H_
