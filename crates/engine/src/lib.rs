//! wiretrace engine stage.
