// The analysis module: sensitivity and audit (issue 6).
