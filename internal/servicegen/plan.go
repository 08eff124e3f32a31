package servicegen

import (
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Operation is one documented path as the service layer sees it: the one
// method that reaches it, and what that method sends and returns.
type Operation struct {
	// Path is the API path, e.g. "/thermostats/schedules/create".
	Path string
	// Method is the HTTP method the service sends: GET where the path
	// offers GET, else POST.
	Method string
	// OperationID is the spec's operationId of that method.
	OperationID string
	// Service is the chain of service fields from Client, e.g.
	// ["Thermostats", "Schedules"].
	Service []string
	// Name is the Go method name, e.g. "Create".
	Name string
	// Key is the x-response-key ("" when the spec gives null).
	Key string
	// ActionAttempt is set when the operation has x-action-attempt-type.
	ActionAttempt bool
	// Paginated is set when the 200 answer carries a pagination object.
	Paginated bool
	// Required lists the parameters the operation requires, in spec order.
	Required []string
	// Title, Description and Deprecated come from the spec.
	Title, Description, Deprecated string
	// HandWritten is set when seam/ writes the method by hand.
	HandWritten bool
}

// Qualified is the method as reached from Client: "Thermostats.Schedules.Create".
func (o Operation) Qualified() string {
	return strings.Join(append(append([]string(nil), o.Service...), o.Name), ".")
}

// GoName turns a snake_case path segment into its Go name: each part
// between underscores gets an upper-case first letter ("set_hvac_mode" →
// "SetHvacMode"). The rule is reversible (see SnakeName).
func GoName(segment string) string {
	var b strings.Builder
	for _, part := range strings.Split(segment, "_") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// SnakeName is the inverse of GoName: "SetHvacMode" → "set_hvac_mode".
func SnakeName(name string) string {
	var b strings.Builder
	for i, r := range name {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Plan returns the operations of doc (a normalised spec: only documented
// operations are left), one per path, sorted by path. It fails on a path
// the naming rule cannot place.
func Plan(doc *openapi3.T) ([]Operation, error) {
	if doc.Paths == nil {
		return nil, fmt.Errorf("servicegen: the spec has no paths")
	}
	var ops []Operation
	for path, item := range doc.Paths.Map() {
		op, method := item.Get, "GET"
		if op == nil || (len(op.Parameters) == 0 && item.Post != nil && item.Post.RequestBody != nil) {
			// GET unless the path has none, or its GET takes no parameters
			// while its POST takes a body (a body a query cannot carry,
			// such as a union): then POST.
			op, method = item.Post, "POST"
		}
		if op == nil {
			return nil, fmt.Errorf("servicegen: %s offers neither GET nor POST", path)
		}
		segs := strings.Split(strings.Trim(path, "/"), "/")
		if len(segs) < 2 {
			return nil, fmt.Errorf("servicegen: %s: a path needs a service and a method segment", path)
		}
		for _, s := range segs {
			if s == "" || strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789_") != "" || s[0] < 'a' || s[0] > 'z' {
				return nil, fmt.Errorf("servicegen: %s: segment %q is not snake_case", path, s)
			}
		}
		o := Operation{Path: path, Method: method, OperationID: op.OperationID, Name: GoName(segs[len(segs)-1]),
			Title: extString(op.Extensions, "x-title"), Description: strings.TrimSpace(op.Description)}
		if o.Description == "" {
			o.Description = strings.TrimSpace(op.Summary)
		}
		for _, s := range segs[:len(segs)-1] {
			o.Service = append(o.Service, GoName(s))
		}
		if op.OperationID == "" {
			return nil, fmt.Errorf("servicegen: %s %s has no operationId", method, path)
		}
		o.Key = extString(op.Extensions, "x-response-key")
		_, o.ActionAttempt = op.Extensions["x-action-attempt-type"]
		if d := extString(op.Extensions, "x-deprecated"); d != "" {
			o.Deprecated = d
		} else if op.Deprecated {
			o.Deprecated = "the spec marks this operation deprecated."
		}
		o.Paginated = hasPagination(op)
		o.Required = requiredParams(op)
		_, o.HandWritten = HandWritten[path]
		ops = append(ops, o)
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].Path < ops[j].Path })
	return ops, checkNames(ops)
}

// checkNames refuses a plan where a method and a sub-service share a name,
// where "All" (the iterator of a paginated List) is taken, or where a
// hand-written entry names another method than the rule gives.
func checkNames(ops []Operation) error {
	subs := map[string]bool{}
	for _, o := range ops {
		for i := 1; i < len(o.Service); i++ {
			subs[strings.Join(o.Service[:i+1], ".")] = true
		}
	}
	for _, o := range ops {
		q := o.Qualified()
		if subs[q] {
			return fmt.Errorf("servicegen: %s: method %s is also a sub-service", o.Path, q)
		}
		if o.Name == "All" {
			return fmt.Errorf("servicegen: %s: the method name All is kept for the iterators of paginated lists", o.Path)
		}
		if o.Paginated && o.Name != "List" {
			return fmt.Errorf("servicegen: %s: a paginated operation must be a list (its iterator is All)", o.Path)
		}
		if want, ok := HandWritten[o.Path]; ok && want != q {
			return fmt.Errorf("servicegen: HandWritten[%q] is %q, but the naming rule gives %q", o.Path, want, q)
		}
		if len(o.Service) > 0 && HandDeclared[o.Service[0]] && !o.HandWritten {
			return fmt.Errorf("servicegen: %s: service %s is declared by hand, so its operations must be hand-written", o.Path, o.Service[0])
		}
	}
	return nil
}

// hasPagination reports whether the 200 JSON answer has a "pagination"
// property.
func hasPagination(op *openapi3.Operation) bool {
	s := ResponseSchema(op)
	if s == nil {
		return false
	}
	_, ok := s.Properties["pagination"]
	return ok
}

// ResponseSchema returns the schema of op's 200 JSON answer, or nil when
// it has none.
func ResponseSchema(op *openapi3.Operation) *openapi3.Schema {
	if op.Responses == nil {
		return nil
	}
	r := op.Responses.Status(200)
	if r == nil || r.Value == nil {
		return nil
	}
	mt := r.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil {
		return nil
	}
	return mt.Schema.Value
}

// requiredParams lists the required query parameters, or the required
// properties of the JSON body.
func requiredParams(op *openapi3.Operation) []string {
	var req []string
	for _, p := range op.Parameters {
		if p.Value != nil && p.Value.Required && p.Value.In == "query" {
			req = append(req, p.Value.Name)
		}
	}
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		if mt := op.RequestBody.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
			req = append(req, mt.Schema.Value.Required...)
		}
	}
	return req
}

func extString(ext map[string]any, name string) string {
	if s, ok := ext[name].(string); ok {
		return s
	}
	return ""
}
