//! wiretrace stories stage.
