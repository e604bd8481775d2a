#!/usr/bin/python3
"""Checks a DOCX redline in LibreOffice: it has tracked changes, accepting
them all gives one text and rejecting them all another.

  check_docx.py REDLINE.docx EXPECTED_ACCEPT.txt EXPECTED_REJECT.txt [--timeout S]

The expected files hold one paragraph per line. Texts are compared per
paragraph with whitespace collapsed; empty paragraphs are ignored.

A private soffice is started on a free port with a throw-away profile, and
killed (its whole process group) whatever happens. Needs the `uno` module
(Debian: python3-uno, for /usr/bin/python3). Exit status: 0 pass, 1 fail,
77 LibreOffice or uno unavailable (CTest's skip code).
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

SKIP = 77

try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
except ImportError:
    print("skip: the python3 'uno' module is missing (apt-get install python3-uno)")
    sys.exit(SKIP)


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout("timed out")


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def normalise(lines):
    return [" ".join(line.split()) for line in lines if line.strip()]


class Office:
    """A private headless soffice and a UNO connection to it."""

    def __init__(self, soffice):
        self.profile = tempfile.mkdtemp(prefix="rapporteur-lo-")
        self.port = free_port()
        self.process = subprocess.Popen(
            [soffice, "--headless", "--invisible", "--norestore", "--nologo",
             "--nodefault", "--nolockcheck",
             "-env:UserInstallation=file://" + self.profile,
             "--accept=socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext"
             % self.port],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)  # its own process group, to kill it whole

    def connect(self, timeout):
        self.context = self._connect(timeout)
        smgr = self.context.ServiceManager
        self.desktop = smgr.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.context)
        self.dispatcher = smgr.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", self.context)

    def _connect(self, timeout):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = ("uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext"
               % self.port)
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError("soffice exited with status %d" % self.process.returncode)
            try:
                return resolver.resolve(url)
            except NoConnectException:
                if time.monotonic() > deadline:
                    raise Timeout("soffice did not accept a connection")
                time.sleep(0.5)

    def load(self, path):
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        doc = self.desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError("LibreOffice could not load " + path)
        return doc

    def dispatch(self, doc, command):
        frame = doc.getCurrentController().getFrame()
        self.dispatcher.executeDispatch(frame, command, "", 0, ())

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:  # the bridge may already be gone
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        # soffice.bin may outlive the launcher: kill the whole group.
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def count_redlines(doc):
    enumeration = doc.getRedlines().createEnumeration()
    count = 0
    while enumeration.hasMoreElements():
        enumeration.nextElement()
        count += 1
    return count


def text_after(office, path, command, workdir):
    """Loads the redline, runs the command, stores as text, returns lines."""
    doc = office.load(path)
    try:
        before = count_redlines(doc)
        if before == 0:
            raise AssertionError("LibreOffice sees no tracked changes in " + path)
        office.dispatch(doc, command)
        after = count_redlines(doc)
        if after != 0:
            raise AssertionError("%s left %d of %d tracked changes" % (command, after, before))
        out = os.path.join(workdir, command.strip(".:") + ".txt")
        doc.storeToURL(uno.systemPathToFileUrl(out),
                       (prop("FilterName", "Text (encoded)"),
                        prop("FilterOptions", "UTF8,LF,,,")))
    finally:
        doc.close(True)
    with open(out, encoding="utf-8-sig") as f:
        return before, f.read().splitlines()


def compare(label, got, expected_path):
    with open(expected_path, encoding="utf-8") as f:
        expected = normalise(f.read().splitlines())
    got = normalise(got)
    if got == expected:
        print("ok: %s gives %d paragraphs as expected" % (label, len(got)))
        return True
    print("FAIL: %s differs from %s" % (label, expected_path))
    for i in range(max(len(got), len(expected))):
        g = got[i] if i < len(got) else "<missing>"
        e = expected[i] if i < len(expected) else "<missing>"
        print(("   " if g == e else " ! ") + "got %r / expected %r" % (g, e))
    return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("docx")
    parser.add_argument("expected_accept")
    parser.add_argument("expected_reject")
    parser.add_argument("--timeout", type=int, default=240, help="seconds, overall")
    parser.add_argument("--soffice", default=shutil.which("soffice") or "")
    args = parser.parse_args()
    if not args.soffice:
        print("skip: soffice not found (apt-get install libreoffice-writer-nogui)")
        return SKIP
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(args.timeout)
    workdir = tempfile.mkdtemp(prefix="rapporteur-lo-out-")
    office = None
    try:
        office = Office(args.soffice)
        office.connect(timeout=min(120, args.timeout))
        count, accepted = text_after(office, args.docx, ".uno:AcceptAllTrackedChanges", workdir)
        print("ok: LibreOffice sees %d tracked changes" % count)
        _, rejected = text_after(office, args.docx, ".uno:RejectAllTrackedChanges", workdir)
        ok = compare("accept all", accepted, args.expected_accept)
        ok = compare("reject all", rejected, args.expected_reject) and ok
        return 0 if ok else 1
    except (Timeout, AssertionError, RuntimeError) as e:
        print("FAIL: %s" % e)
        return 1
    finally:
        signal.alarm(0)
        if office is not None:
            office.close()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
