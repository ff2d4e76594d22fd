//! wiretrace ingest stage.
