package specdiff

// Kind says what happened to one field, parameter or enum value.
type Kind string

// The kinds of Change.
const (
	// Added: a parameter, property or union member appeared.
	Added Kind = "added"
	// Removed: a parameter, property or union member disappeared.
	Removed Kind = "removed"
	// NowRequired: a request parameter or property became required.
	NowRequired Kind = "now required"
	// NowOptional: a request parameter or property stopped being required.
	NowOptional Kind = "now optional"
	// Retyped: the type changed (see the package documentation).
	Retyped Kind = "type changed"
	// EnumValueAdded: an enum gained a value.
	EnumValueAdded Kind = "enum value added"
	// EnumValueRemoved: an enum lost a value.
	EnumValueRemoved Kind = "enum value removed"
)

// Location says where a Change lives.
type Location string

// The locations of a Change.
const (
	// InQuery is a query parameter (or a field inside one).
	InQuery Location = "query"
	// InPath is a path parameter.
	InPath Location = "path"
	// InHeader is a header parameter.
	InHeader Location = "header"
	// InCookie is a cookie parameter.
	InCookie Location = "cookie"
	// InBody is the JSON request body.
	InBody Location = "body"
	// InResponse is the 200 JSON response.
	InResponse Location = "response"
	// InSchema is a component schema.
	InSchema Location = "schema"
)

// IsRequest reports whether l is part of a request.
func (l Location) IsRequest() bool {
	switch l {
	case InQuery, InPath, InHeader, InCookie, InBody:
		return true
	}
	return false
}

// Change is one difference in a request, a response or a component schema.
type Change struct {
	// Kind is what happened.
	Kind Kind
	// In is where it happened.
	In Location
	// Path names the field: a parameter name, or a dotted path such as
	// "access_code.errors[]{provider_issue}.message".
	Path string
	// Detail completes Kind: the type of an added field ("string",
	// "string, required"), "old → new" for a type change, the value of an
	// enum change, "union member" for a union member.
	Detail string
	// Breaking is true when the change breaks existing callers or existing
	// code using the generated client (see the package documentation).
	Breaking bool
}

// Operation names one HTTP operation of the spec.
type Operation struct {
	// Method is the HTTP method in upper case, such as "POST".
	Method string
	// Path is the path template, such as "/access_codes/create".
	Path string
	// Note explains an addition, removal or deprecation when the operation
	// itself did not appear or vanish, such as "now x-undocumented", or
	// gives the x-deprecated message.
	Note string
}

// String returns the operation as "POST /access_codes/create".
func (o Operation) String() string { return o.Method + " " + o.Path }

// OperationDiff holds the changes of one operation present in both specs.
type OperationDiff struct {
	// Operation is the operation that changed.
	Operation Operation
	// Request holds the changes of its parameters and JSON request body.
	Request []Change
	// Response holds the changes of its 200 JSON response.
	Response []Change
}

// Component names one component schema, that is one named generated type.
type Component struct {
	// Name is the key under components/schemas.
	Name string
	// Note says why a schema still present in both specs entered or left the
	// scope, such as "no longer used by in-scope operations".
	Note string
}

// SchemaDiff holds the changes of one component schema in scope in both specs.
type SchemaDiff struct {
	// Name is the key under components/schemas.
	Name string
	// Changes lists what changed, with paths starting at Name.
	Changes []Change
}

// Report is the difference between two specs, sorted for stable output.
type Report struct {
	// IncludeUndocumented records Options.IncludeUndocumented.
	IncludeUndocumented bool

	// OperationsAdded, OperationsRemoved and OperationsDeprecated are sorted
	// by path, then method.
	OperationsAdded      []Operation
	OperationsRemoved    []Operation
	OperationsDeprecated []Operation
	// Operations holds the operations in both specs that changed.
	Operations []OperationDiff

	// SchemasAdded and SchemasRemoved are sorted by name.
	SchemasAdded   []Component
	SchemasRemoved []Component
	// Schemas holds the component schemas in both scopes that changed.
	Schemas []SchemaDiff
}

// Empty reports whether the two specs do not differ within the scope.
func (r *Report) Empty() bool {
	return len(r.OperationsAdded) == 0 && len(r.OperationsRemoved) == 0 &&
		len(r.OperationsDeprecated) == 0 && len(r.Operations) == 0 &&
		len(r.SchemasAdded) == 0 && len(r.SchemasRemoved) == 0 && len(r.Schemas) == 0
}

// BreakingCount returns the number of breaking items: removed operations,
// removed component schemas and breaking changes.
func (r *Report) BreakingCount() int {
	n := len(r.OperationsRemoved) + len(r.SchemasRemoved)
	for _, op := range r.Operations {
		n += countBreaking(op.Request) + countBreaking(op.Response)
	}
	for _, s := range r.Schemas {
		n += countBreaking(s.Changes)
	}
	return n
}

// Breaking reports whether the change is breaking (see the package
// documentation for the rule).
func (r *Report) Breaking() bool { return r.BreakingCount() > 0 }

// The verdicts returned by Report.Verdict.
const (
	VerdictBreaking    = "breaking"
	VerdictNotBreaking = "not breaking"
	VerdictNoChange    = "no change"
)

// Verdict returns VerdictNoChange, VerdictBreaking or VerdictNotBreaking.
func (r *Report) Verdict() string {
	switch {
	case r.Empty():
		return VerdictNoChange
	case r.Breaking():
		return VerdictBreaking
	default:
		return VerdictNotBreaking
	}
}

func countBreaking(cs []Change) int {
	n := 0
	for _, c := range cs {
		if c.Breaking {
			n++
		}
	}
	return n
}
