//! wiretrace reuse stage.
