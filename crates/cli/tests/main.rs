//! CLI tests: run the real `wiretrace` binary in temporary directories.

mod util;

mod add;
mod conventions;
mod crash;
mod inspect;
mod stage;
mod trace;
mod writers;
