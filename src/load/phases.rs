//! Where a load's time and memory go, phase by phase, for benchmarks: printed to standard
//! error when `CHRONICLE_TIMINGS` is set, from /proc where there is one.

use std::time::Instant;

/// Time spent in each phase of a load.
pub struct Phases {
    enabled: bool,
    last: Instant,
    /// The process's CPU time (all threads) when the last phase ended, in clock ticks.
    last_cpu: u64,
    /// The process's minor page faults when the last phase ended.
    last_faults: u64,
}

impl Default for Phases {
    fn default() -> Phases {
        Phases::new()
    }
}

impl Phases {
    pub fn new() -> Phases {
        let enabled = std::env::var_os("CHRONICLE_TIMINGS").is_some();
        // /proc is read only when the timings are asked for: not on every load.
        let (cpu, faults) = if enabled { cpu_and_faults() } else { (0, 0) };
        Phases {
            enabled,
            last: Instant::now(),
            last_cpu: cpu,
            last_faults: faults,
        }
    }

    /// Says `what` happened, beside the phases' times (e.g. why the cache was not written).
    pub fn say(&self, what: &str) {
        if self.enabled {
            eprintln!("load: {what}");
        }
    }

    /// Says how long `phase`, just ended, took since the last one ended.
    pub fn done(&mut self, phase: &str) {
        if self.enabled {
            let now = Instant::now();
            let (cpu, faults) = cpu_and_faults();
            // CPU time beside wall time: how many cores the phase kept busy. Fresh memory
            // touched (minor faults, 4 KiB each) beside the resident size: memory given back
            // and touched again costs the kernel's clearing of every page once more.
            eprintln!(
                "load: {phase:<9} {:>8.1} ms  cpu {:>6} ms  resident {:>6} MB  peak {:>6} MB  \
                 touched {:>6} MB",
                (now - self.last).as_secs_f64() * 1e3,
                cpu.saturating_sub(self.last_cpu) * 10,
                megabytes("VmRSS:"),
                megabytes("VmHWM:"),
                faults.saturating_sub(self.last_faults) * 4 / 1024,
            );
            self.last = now;
            self.last_cpu = cpu;
            self.last_faults = faults;
        }
    }
}

/// The CPU time of the whole process (user and system, every thread) in ticks of 10 ms, and
/// its minor page faults, from one read of /proc/self/stat where there is one (0 and 0
/// elsewhere).
fn cpu_and_faults() -> (u64, u64) {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return (0, 0);
    };
    // The command name (field 2) may hold spaces: count fields after its ')'. After it, 7 is
    // the minor faults, 11 and 12 the user and system time.
    let after = stat.rfind(')').map_or("", |at| &stat[at + 1..]);
    let fields: Vec<u64> = after
        .split_whitespace()
        .take(13)
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    let field = |nth: usize| fields.get(nth).copied().unwrap_or(0);
    (field(11) + field(12), field(7))
}

/// One of the process's memory figures (`VmRSS:` resident now, `VmHWM:` the most resident so
/// far), from /proc where there is one (0 elsewhere).
fn megabytes(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with(field))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb / 1024)
}
