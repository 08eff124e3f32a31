package servicegen

import (
	"fmt"
	"go/ast"
	"go/format"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// File is the file Generate writes, relative to the module root.
const File = "seam/services.gen.go"

// Generate returns the Go source of seam/services.gen.go for doc (the
// normalised spec) and genSrc (the code oapi-codegen generated from it):
// the service types reached from Client, and one method per operation not
// in HandWritten, each a call of a generic helper of seam/call.go. header
// is the first comment line (it must say DO NOT EDIT). The output depends
// only on its inputs, and is gofmt'ed.
func Generate(doc *openapi3.T, genSrc []byte, header string) ([]byte, error) {
	ops, err := Plan(doc)
	if err != nil {
		return nil, err
	}
	g, err := parseGen(genSrc)
	if err != nil {
		return nil, err
	}
	e := &emitter{g: g, imports: map[string]bool{`"context"`: true}}
	root := &node{children: map[string]*node{}}
	for _, o := range ops {
		n := root
		for _, s := range o.Service {
			if n.children[s] == nil {
				n.children[s] = &node{name: s, children: map[string]*node{}, path: n.path + "/" + SnakeName(s)}
				n.children[s].typeName = n.typeName + s
			}
			n = n.children[s]
		}
		if o.HandWritten {
			continue
		}
		if err := e.method(n, o); err != nil {
			return nil, err
		}
	}
	var body strings.Builder
	e.services(&body, root)
	var out strings.Builder
	out.WriteString(header + "\n\npackage seam\n\nimport (\n")
	// The standard library, the module's dependencies, then this module's
	// own packages: three groups, as goimports -local orders them.
	var std, deps, own []string
	for i := range e.imports {
		if strings.Contains(i, ".") {
			deps = append(deps, i)
		} else {
			std = append(std, i)
		}
	}
	if e.usesGen {
		own = append(own, `"github.com/seamgo/seam-go/gen"`)
	}
	sort.Strings(std)
	sort.Strings(deps)
	for _, group := range [][]string{std, deps, own} {
		if len(group) > 0 {
			out.WriteString(strings.Join(group, "\n") + "\n\n")
		}
	}
	out.WriteString(")\n\n")
	out.WriteString(body.String())
	out.WriteString(e.out.String())
	src, err := format.Source([]byte(out.String()))
	if err != nil {
		return nil, fmt.Errorf("servicegen: the generated code does not parse (a generator bug): %w", err)
	}
	return src, nil
}

// node is a service: the operations under one path prefix.
type node struct {
	name     string // field name in the parent, e.g. "Schedules"
	typeName string // without the Service suffix, e.g. "ThermostatsSchedules"
	path     string // e.g. "/thermostats/schedules"
	children map[string]*node
}

type emitter struct {
	g       *genCode
	imports map[string]bool
	usesGen bool
	out     strings.Builder
}

// services writes the Services type, its wiring and every service type.
func (e *emitter) services(b *strings.Builder, root *node) {
	b.WriteString("// Services holds the API's services, one per first path segment:\n")
	b.WriteString("// Client.Thermostats serves /thermostats/…, Client.Thermostats.Schedules\n")
	b.WriteString("// serves /thermostats/schedules/…. Client embeds it. See docs/conventions.md.\n")
	b.WriteString("type Services struct {\n")
	for _, k := range slices.Sorted(maps.Keys(root.children)) {
		n := root.children[k]
		fmt.Fprintf(b, "// %s serves %s/….\n%s *%sService\n", n.name, n.path, n.name, n.typeName)
	}
	b.WriteString("}\n\n")
	b.WriteString("// wire builds every service of c, once.\nfunc (s *Services) wire(c *Client) {\n")
	for _, k := range slices.Sorted(maps.Keys(root.children)) {
		n := root.children[k]
		fmt.Fprintf(b, "s.%s = %s\n", n.name, literal(n))
	}
	b.WriteString("}\n\n")
	var walk func(n *node)
	walk = func(n *node) {
		if n.name != "" && !HandDeclared[n.typeName] {
			fmt.Fprintf(b, "// %sService serves the operations under %s/.\ntype %sService struct {\nc *Client\n", n.typeName, n.path, n.typeName)
			for _, k := range slices.Sorted(maps.Keys(n.children)) {
				c := n.children[k]
				fmt.Fprintf(b, "// %s serves %s/….\n%s *%sService\n", c.name, c.path, c.name, c.typeName)
			}
			b.WriteString("}\n\n")
		}
		for _, k := range slices.Sorted(maps.Keys(n.children)) {
			walk(n.children[k])
		}
	}
	walk(root)
}

// literal is the expression that builds service n and its sub-services.
func literal(n *node) string {
	var b strings.Builder
	fmt.Fprintf(&b, "&%sService{c: c", n.typeName)
	for _, k := range slices.Sorted(maps.Keys(n.children)) {
		c := n.children[k]
		fmt.Fprintf(&b, ", %s: %s", c.name, literal(c))
	}
	b.WriteString("}")
	return b.String()
}

// method writes the method (two for a paginated list) of operation o on n.
func (e *emitter) method(n *node, o Operation) error {
	opID := strings.ToUpper(o.OperationID[:1]) + o.OperationID[1:]
	shape, input, err := e.g.input(opID)
	if err != nil {
		return fmt.Errorf("%s: %w", o.Path, err)
	}
	respType, err := e.g.responseBody(opID)
	if err != nil {
		return fmt.Errorf("%s: %w", o.Path, err)
	}
	var param, arg, send string
	switch shape {
	case shapeNone:
		arg, send = "nil", "noParams(s.c.api."+opID+")"
	case shapeParams:
		param, arg, send = "params *gen."+input+", ", "params", "s.c.api."+opID
	case shapeBody:
		param, arg, send = "body *gen."+input+", ", "body", "byValue(s.c.api."+opID+")"
	}
	e.usesGen = true
	// pre is what the method does before its one call: for a ByID
	// operation, refuse an empty id. fail returns the error with the zero
	// results.
	pre, fail := "", "nil, err"
	if o.Key == "" && !o.ActionAttempt {
		fail = "err"
	}
	if idParam, ok := ByID[o.Path]; ok {
		if shape == shapeNone || o.Paginated {
			return fmt.Errorf("servicegen: ByID[%q]: the operation takes no params or is paginated", o.Path)
		}
		field, typ, ok := e.g.field(input, idParam)
		if !ok {
			return fmt.Errorf("servicegen: ByID[%q]: %s has no field %q", o.Path, input, idParam)
		}
		name := lowerFirst(strings.TrimSuffix(GoName(idParam), "Id")) + "ID"
		value := name
		switch exprString(typ) {
		case "string":
		case "*string":
			value = "&" + name
		default:
			return fmt.Errorf("servicegen: ByID[%q]: %s is a %s, not a string", o.Path, idParam, exprString(typ))
		}
		param, arg = name+" string, ", fmt.Sprintf("&gen.%s{%s: %s}", input, field, value)
		pre = fmt.Sprintf("if err := required(%q, %s); err != nil {\nreturn %s\n}\n", idParam, name, fail)
		shape = shapeByID
	}
	ep := e.endpoint(o, respType == "")
	recv := fmt.Sprintf("func (s *%sService) %s(ctx context.Context, %sopts ...Option)", n.typeName, o.Name, param)
	w := &e.out
	doc := e.doc(o, shape, input)

	switch {
	case o.Paginated:
		if respType == "" {
			return fmt.Errorf("servicegen: %s: a paginated operation without a JSON answer", o.Path)
		}
		itemsField, itemsType, ok := e.g.field(respType, o.Key)
		if !ok {
			return fmt.Errorf("servicegen: %s: %s has no field %q", o.Path, respType, o.Key)
		}
		pagField, _, ok := e.g.field(respType, "pagination")
		if !ok {
			return fmt.Errorf("servicegen: %s: %s has no pagination field", o.Path, respType)
		}
		arr, ok := itemsType.(*ast.ArrayType)
		if !ok {
			return fmt.Errorf("servicegen: %s: the %q of a paginated answer is not a list", o.Path, o.Key)
		}
		item, err := e.g.qualified(arr.Elt, e.imports)
		if err != nil {
			return fmt.Errorf("%s: %w", o.Path, err)
		}
		if shape == shapeNone {
			return fmt.Errorf("servicegen: %s: a paginated operation without parameters", o.Path)
		}
		cursorField, cursorType, ok := e.g.field(input, "page_cursor")
		if t := exprString(cursorType); !ok || t != "*string" && t != "nullable.Nullable[string]" {
			return fmt.Errorf("servicegen: %s: %s has no page_cursor field of type *string or nullable.Nullable[string]", o.Path, input)
		}
		pager := lowerFirst(n.typeName) + o.Name + "Pager"
		fmt.Fprintf(w, "// %s reads the pages of %s.\nvar %s = pager[*gen.%s, *gen.%s, %s]{\n", pager, o.Path, pager, input, respType, item)
		fmt.Fprintf(w, "cursor: func(p *gen.%s) any { return &p.%s },\n", input, cursorField)
		fmt.Fprintf(w, "items: func(b *gen.%s) ([]%s, gen.Pagination) { return b.%s, b.%s },\n}\n\n", respType, item, itemsField, pagField)
		fmt.Fprintf(w, "%s\n%s (*Page[%s], error) {\nreturn list(s.c, ctx, opts, %s, %s, %s, %s)\n}\n\n", doc, recv, item, ep, arg, send, pager)
		e.imports[`"iter"`] = true
		fmt.Fprintf(w, "// All iterates over the items of every page of List, from the page\n// cursor of %s on, fetching each page when the previous one is used up.\n// Each page is fetched with a copy of %s, so ranging the iterator\n// several times, even at once, is safe.\n", arg, arg)
		if o.Deprecated != "" {
			fmt.Fprintf(w, "//\n// Deprecated: %s\n", oneLine(o.Deprecated))
		}
		fmt.Fprintf(w, "func (s *%sService) All(ctx context.Context, %sopts ...Option) iter.Seq2[%s, error] {\nreturn all(s.c, ctx, opts, %s, %s, %s, %s)\n}\n\n", n.typeName, param, item, ep, arg, send, pager)
		return nil

	case o.ActionAttempt && (o.Key == "" || o.Key == "action_attempt"):
		pick, err := e.attemptPick(o, respType)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s\n%s (*gen.ActionAttempt, error) {\n%sreturn attempt(s.c, ctx, opts, %s, %s, %s, %s)\n}\n\n", doc, recv, pre, ep, arg, send, pick)
		return nil

	case o.Key == "":
		fmt.Fprintf(w, "%s\n%s error {\n%sreturn run(s.c, ctx, opts, %s, %s, %s)\n}\n\n", doc, recv, pre, ep, arg, send)
		return nil
	}

	if respType == "" {
		return fmt.Errorf("servicegen: %s: x-response-key %q but no JSON answer", o.Path, o.Key)
	}
	field, typ, ok := e.g.field(respType, o.Key)
	if !ok {
		return fmt.Errorf("servicegen: %s: %s has no field %q", o.Path, respType, o.Key)
	}
	result, expr, err := e.result(typ, "b."+field)
	if err != nil {
		if _, inline := typ.(*ast.StructType); !inline {
			return fmt.Errorf("%s: %w", o.Path, err)
		}
		// The result has no type of its own (an inline object): the
		// method returns the whole answer.
		result, expr = "*gen."+respType, "b"
	}
	pick := fmt.Sprintf("func(b *gen.%s) %s { return %s }", respType, result, expr)
	if o.ActionAttempt {
		attemptPick, err := e.attemptPick(o, respType)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s\n%s (%s, error) {\n%sreturn valueWaiting(s.c, ctx, opts, %s, %s, %s, %s, %s)\n}\n\n", doc, recv, result, pre, ep, arg, send, pick, attemptPick)
		return nil
	}
	fmt.Fprintf(w, "%s\n%s (%s, error) {\n%sreturn value(s.c, ctx, opts, %s, %s, %s, %s)\n}\n\n", doc, recv, result, pre, ep, arg, send, pick)
	return nil
}

// attemptPick is the function that takes the action attempt out of an answer.
func (e *emitter) attemptPick(o Operation, respType string) (string, error) {
	if respType == "" {
		return "", fmt.Errorf("servicegen: %s: an action attempt but no JSON answer", o.Path)
	}
	field, typ, ok := e.g.field(respType, "action_attempt")
	if !ok {
		return "", fmt.Errorf("servicegen: %s: x-action-attempt-type but %s has no action_attempt", o.Path, respType)
	}
	expr := "&b." + field
	switch exprString(typ) {
	case "ActionAttempt":
	case "*ActionAttempt":
		expr = "b." + field
	default:
		return "", fmt.Errorf("servicegen: %s: action_attempt is a %s", o.Path, exprString(typ))
	}
	return fmt.Sprintf("func(b *gen.%s) *gen.ActionAttempt { return %s }", respType, expr), nil
}

// result is the Go result type for a response field of type typ, and the
// expression that yields it from field: a pointer to a struct, a slice, or
// the value.
func (e *emitter) result(typ ast.Expr, field string) (string, string, error) {
	switch t := typ.(type) {
	case *ast.Ident:
		q, err := e.g.qualified(t, e.imports)
		if err != nil {
			return "", "", err
		}
		if strings.HasPrefix(q, "gen.") {
			return "*" + q, "&" + field, nil
		}
		return q, field, nil
	case *ast.StarExpr:
		if arr, ok := t.X.(*ast.ArrayType); ok {
			q, err := e.g.qualified(arr, e.imports)
			return q, "deref(" + field + ")", err
		}
	}
	q, err := e.g.qualified(typ, e.imports)
	return q, field, err
}

// endpoint is the literal describing o to the call helpers.
func (e *emitter) endpoint(o Operation, empty bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "endpoint{path: %q", o.Path)
	if len(o.Required) > 0 {
		q := make([]string, len(o.Required))
		for i, r := range o.Required {
			q[i] = strconv.Quote(r)
		}
		fmt.Fprintf(&b, ", required: []string{%s}", strings.Join(q, ", "))
	}
	if o.Key != "" {
		fmt.Fprintf(&b, ", key: %q", o.Key)
	}
	if empty {
		b.WriteString(", empty: true")
	}
	b.WriteString("}")
	return b.String()
}

// doc is the godoc of o's method.
func (e *emitter) doc(o Operation, shape callShape, input string) string {
	var b strings.Builder
	title := ""
	if o.Title != "" {
		title = " (" + o.Title + ")"
	}
	fmt.Fprintf(&b, "// %s sends %s %s%s.\n", o.Name, o.Method, o.Path, title)
	if o.Description != "" {
		b.WriteString("//\n")
		for _, line := range wrap(o.Description, 76) {
			if line == "" {
				b.WriteString("//\n")
			} else {
				b.WriteString("// " + line + "\n")
			}
		}
	}
	b.WriteString("//\n")
	switch shape {
	case shapeByID:
		fmt.Fprintf(&b, "// It takes the %s, which must not be empty; set the operation's other\n// parameters with WithParams.\n", ByID[o.Path])
	case shapeParams, shapeBody:
		name := map[callShape]string{shapeParams: "params", shapeBody: "body"}[shape]
		if len(o.Required) > 0 {
			fmt.Fprintf(&b, "// %s must not be nil: it carries the required %s.\n", name, strings.Join(o.Required, ", "))
		} else {
			fmt.Fprintf(&b, "// %s may be nil (no parameters).\n", name)
		}
	}
	switch {
	case o.Paginated:
		b.WriteString("// It returns one page; set the page cursor to Page.NextPageCursor for the\n// next one, or use All.\n")
	case o.ActionAttempt && (o.Key == "" || o.Key == "action_attempt"):
		b.WriteString("// It returns the action attempt, once it succeeded unless\n// WithWaitForActionAttempts(false): see Client.WaitForActionAttempt.\n")
	case o.ActionAttempt:
		fmt.Fprintf(&b, "// It returns the %s of the answer, after waiting for the answer's action\n// attempt unless WithWaitForActionAttempts(false).\n", o.Key)
	case o.Key == "":
		b.WriteString("// The answer carries no result.\n")
	}
	if o.Method == "POST" {
		b.WriteString("// A POST is retried only when the API refused it (429) or no connection\n// was made; it is never replayed once it may have reached the API.\n")
	}
	if o.Deprecated != "" {
		fmt.Fprintf(&b, "//\n// Deprecated: %s\n", oneLine(o.Deprecated))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// wrap splits text into lines of at most width runes where it can, keeping
// its own line breaks.
func wrap(text string, width int) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		para = strings.TrimRight(para, " \t")
		if para == "" {
			out = append(out, "")
			continue
		}
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && len(line)+1+len(w) > width {
				out = append(out, line)
				line = w
				continue
			}
			if line == "" {
				line = w
			} else {
				line += " " + w
			}
		}
		out = append(out, line)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

func exprString(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.StarExpr:
		return "*" + exprString(t.X)
	case *ast.ArrayType:
		return "[]" + exprString(t.Elt)
	case *ast.SelectorExpr:
		return exprString(t.X) + "." + t.Sel.Name
	case *ast.IndexExpr:
		return exprString(t.X) + "[" + exprString(t.Index) + "]"
	}
	return fmt.Sprintf("%T", e)
}
