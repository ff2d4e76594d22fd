//! wiretrace store stage.
