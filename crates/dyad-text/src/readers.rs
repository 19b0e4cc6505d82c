//! Reading articles. TODO(helper).
