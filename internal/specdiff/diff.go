package specdiff

import (
	"net/http"
	"sort"

	"github.com/getkin/kin-openapi/openapi3"
)

// Options tunes Diff.
type Options struct {
	// IncludeUndocumented keeps in scope the operations whose operation or
	// path item carries x-undocumented. By default they are left out, as in
	// the generated client.
	IncludeUndocumented bool
}

// opInfo is one operation of a spec.
type opInfo struct {
	op           Operation
	pathItem     *openapi3.PathItem
	operation    *openapi3.Operation
	undocumented bool
}

// Diff compares the specs oldSpec and newSpec, which must have been loaded
// with their references resolved (see Load). A nil spec counts as empty.
func Diff(oldSpec, newSpec *openapi3.T, opts Options) *Report {
	r := &Report{IncludeUndocumented: opts.IncludeUndocumented}
	oldOps, newOps := operationsOf(oldSpec), operationsOf(newSpec)
	inScope := func(o *opInfo) bool { return o != nil && (opts.IncludeUndocumented || !o.undocumented) }

	for _, key := range unionKeys(oldOps, newOps) {
		o, n := oldOps[key], newOps[key]
		switch oIn, nIn := inScope(o), inScope(n); {
		case !oIn && nIn:
			op := n.op
			if o != nil {
				op.Note = "was x-undocumented"
			}
			r.OperationsAdded = append(r.OperationsAdded, op)
		case oIn && !nIn:
			op := o.op
			if n != nil {
				op.Note = "now x-undocumented"
			}
			r.OperationsRemoved = append(r.OperationsRemoved, op)
		case oIn && nIn:
			if dep, note := deprecation(n.operation); dep && !isDeprecated(o.operation) {
				op := n.op
				op.Note = note
				r.OperationsDeprecated = append(r.OperationsDeprecated, op)
			}
			if d := diffOperation(o, n); len(d.Request) > 0 || len(d.Response) > 0 {
				r.Operations = append(r.Operations, d)
			}
		}
	}
	sortOperations(r.OperationsAdded)
	sortOperations(r.OperationsRemoved)
	sortOperations(r.OperationsDeprecated)
	sort.SliceStable(r.Operations, func(i, j int) bool {
		return operationLess(r.Operations[i].Operation, r.Operations[j].Operation)
	})

	oldScope := componentScope(oldSpec, oldOps, inScope)
	newScope := componentScope(newSpec, newOps, inScope)
	for _, name := range unionKeys(oldScope, newScope) {
		oIn, nIn := oldScope[name], newScope[name]
		switch {
		case !oIn && nIn:
			c := Component{Name: name}
			if schemaOf(oldSpec, name) != nil {
				c.Note = "newly used by in-scope operations"
			}
			r.SchemasAdded = append(r.SchemasAdded, c)
		case oIn && !nIn:
			c := Component{Name: name}
			if schemaOf(newSpec, name) != nil {
				c.Note = "no longer used by in-scope operations"
			}
			r.SchemasRemoved = append(r.SchemasRemoved, c)
		default:
			w := newWalker(InSchema, false)
			w.compare(name, schemaOf(oldSpec, name), schemaOf(newSpec, name), 0)
			if len(w.changes) > 0 {
				sortChanges(w.changes)
				r.Schemas = append(r.Schemas, SchemaDiff{Name: name, Changes: w.changes})
			}
		}
	}
	return r
}

// operationsOf indexes the operations of spec by "METHOD path".
func operationsOf(spec *openapi3.T) map[string]*opInfo {
	ops := make(map[string]*opInfo)
	if spec == nil || spec.Paths == nil {
		return ops
	}
	for path, item := range spec.Paths.Map() {
		if item == nil {
			continue
		}
		for method, op := range item.Operations() {
			ops[method+" "+path] = &opInfo{
				op:           Operation{Method: method, Path: path},
				pathItem:     item,
				operation:    op,
				undocumented: hasExtension(item.Extensions, "x-undocumented") || hasExtension(op.Extensions, "x-undocumented"),
			}
		}
	}
	return ops
}

// hasExtension reports whether ext holds key with a value other than false.
func hasExtension(ext map[string]any, key string) bool {
	v, ok := ext[key]
	if !ok {
		return false
	}
	b, isBool := v.(bool)
	return !isBool || b
}

func isDeprecated(op *openapi3.Operation) bool {
	dep, _ := deprecation(op)
	return dep
}

// deprecation reports whether op is deprecated (deprecated: true or
// x-deprecated) and returns the x-deprecated message, if any.
func deprecation(op *openapi3.Operation) (bool, string) {
	note, _ := op.Extensions["x-deprecated"].(string)
	return op.Deprecated || hasExtension(op.Extensions, "x-deprecated"), note
}

// diffOperation compares the parameters, JSON request body and 200 JSON
// response of one operation.
func diffOperation(o, n *opInfo) OperationDiff {
	d := OperationDiff{Operation: n.op}
	oParams, nParams := parametersOf(o), parametersOf(n)
	var req []Change
	for _, key := range unionKeys(oParams, nParams) {
		op, np := oParams[key], nParams[key]
		switch {
		case op == nil:
			w := newWalker(location(np.In), true)
			detail := describe(schemaOrAny(np.Schema), 0)
			if np.Required {
				detail += ", required"
			}
			w.add(Added, np.Name, detail, np.Required)
			req = append(req, w.changes...)
		case np == nil:
			w := newWalker(location(op.In), true)
			w.add(Removed, op.Name, describe(schemaOrAny(op.Schema), 0), false)
			req = append(req, w.changes...)
		default:
			w := newWalker(location(np.In), true)
			if !op.Required && np.Required {
				w.add(NowRequired, np.Name, "", true)
			}
			if op.Required && !np.Required {
				w.add(NowOptional, np.Name, "", false)
			}
			w.compare(np.Name, schemaOrAny(op.Schema), schemaOrAny(np.Schema), 1)
			req = append(req, w.changes...)
		}
	}
	body := newWalker(InBody, true)
	body.compare("", requestBodyOf(o.operation), requestBodyOf(n.operation), 0)
	req = append(req, body.changes...)
	resp := newWalker(InResponse, true)
	resp.compare("", responseOf(o.operation), responseOf(n.operation), 0)

	sortChanges(req)
	sortChanges(resp.changes)
	d.Request, d.Response = req, resp.changes
	return d
}

// parametersOf returns the parameters of an operation, those of its path
// item included, keyed by "in:name".
func parametersOf(o *opInfo) map[string]*openapi3.Parameter {
	params := make(map[string]*openapi3.Parameter)
	for _, list := range []openapi3.Parameters{o.pathItem.Parameters, o.operation.Parameters} {
		for _, p := range list {
			if p != nil && p.Value != nil {
				params[p.Value.In+":"+p.Value.Name] = p.Value
			}
		}
	}
	return params
}

func location(in string) Location {
	switch in {
	case openapi3.ParameterInPath:
		return InPath
	case openapi3.ParameterInHeader:
		return InHeader
	case openapi3.ParameterInCookie:
		return InCookie
	default:
		return InQuery
	}
}

func schemaOrAny(s *openapi3.SchemaRef) *openapi3.SchemaRef {
	if s == nil || s.Value == nil {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{}}
	}
	return s
}

func requestBodyOf(op *openapi3.Operation) *openapi3.SchemaRef {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return emptyObject()
	}
	return jsonSchema(op.RequestBody.Value.Content)
}

func responseOf(op *openapi3.Operation) *openapi3.SchemaRef {
	if op.Responses == nil {
		return emptyObject()
	}
	r := op.Responses.Status(http.StatusOK)
	if r == nil || r.Value == nil {
		return emptyObject()
	}
	return jsonSchema(r.Value.Content)
}

func jsonSchema(c openapi3.Content) *openapi3.SchemaRef {
	mt := c.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return emptyObject()
	}
	return mt.Schema
}

func schemaOf(spec *openapi3.T, name string) *openapi3.SchemaRef {
	if spec == nil {
		return nil
	}
	return spec.Components.Schemas[name]
}

var methodOrder = map[string]int{
	http.MethodGet: 0, http.MethodPost: 1, http.MethodPut: 2, http.MethodPatch: 3, http.MethodDelete: 4,
}

func methodRank(m string) int {
	if r, ok := methodOrder[m]; ok {
		return r
	}
	return len(methodOrder)
}

func operationLess(a, b Operation) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if ra, rb := methodRank(a.Method), methodRank(b.Method); ra != rb {
		return ra < rb
	}
	return a.Method < b.Method
}

func sortOperations(ops []Operation) {
	sort.SliceStable(ops, func(i, j int) bool { return operationLess(ops[i], ops[j]) })
}

func sortChanges(cs []Change) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Detail != b.Detail {
			return a.Detail < b.Detail
		}
		return a.In < b.In
	})
}
