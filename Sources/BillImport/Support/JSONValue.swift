import SpendFormats

/// The shared JSON value (`SpendFormats`), named here so that every BillImport file (manifests,
/// the map columns of CUR 2.0 and FOCUS) reads JSON with it without importing `SpendFormats`.
typealias JSONValue = SpendFormats.JSONValue
