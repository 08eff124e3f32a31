// Package specdiff compares two versions of the Seam Connect OpenAPI spec and
// describes the change for people who regenerate the Go client: which
// operations appeared, disappeared or were deprecated, which request
// parameters and response fields changed, which enum values came and went,
// which component schemas (the named types of the generated code) were added
// or removed, and whether the change is breaking.
//
// # Scope
//
// Operations whose operation object or path item carries x-undocumented are
// out of scope unless Options.IncludeUndocumented is set, as in the generated
// client: an operation that becomes undocumented is reported as removed, one
// that stops being undocumented as added. Component schemas are in scope when
// an in-scope operation reaches them through $refs (directly or through other
// component schemas), because the code generator prunes the others.
//
// # Paths
//
// Fields are named by dotted paths. "[]" stands for the items of an array,
// "{label}" for one member of a oneOf/anyOf union and ".*" for the values of
// a map (additionalProperties). A union member is labelled by its
// discriminator value when the union has a discriminator.propertyName and the
// member gives that property a single-value enum; otherwise by the
// single-value enum properties that tell the members apart (for example
// "{action_type=LOCK_DOOR,status=pending}"), otherwise by the name of the
// component it refers to, otherwise by its index ("{#3}"). allOf members are
// merged into one object. Response schemas are followed through $refs into
// components down to MaxDepth levels; a schema already being compared higher
// up the same path (a cycle) is not entered again. When a whole field or union
// member is added or removed, only that field is reported, not its subfields.
//
// # Verdict
//
// A report is breaking when it holds at least one of:
//
//   - an operation removed (deleted, or newly x-undocumented while those are
//     out of scope);
//   - a component schema removed from scope (its generated Go type
//     disappears or is renamed);
//   - in a request (query, path or header parameter, or JSON body property
//     at any depth): a parameter or property removed, made required, or
//     added as required; a type change; an enum value removed;
//   - in a 200 JSON response or a component schema: a field or union member
//     removed; a type change; an enum value removed (its generated constant
//     disappears).
//
// A type change is a change of JSON type, of union kind (oneOf, anyOf), of a
// format that changes the generated Go type (date-time, date, int32, int64,
// binary, email), a change between an enum and a free value, between a
// struct and a map, or, inside a component schema, a nested $ref moved to
// another component. Everything else is not breaking: added operations,
// optional parameters, response fields, union members, enum values and
// component schemas; deprecations; a parameter that becomes optional. A
// report with no change at all has the verdict "no change".
package specdiff
