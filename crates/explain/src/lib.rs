//! wiretrace explain stage.
