//! Integration tests of wiretrace-reuse, one module per topic.
