package normalize

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Options select what Normalize keeps.
type Options struct {
	// IncludeUndocumented keeps operations marked x-undocumented (on the
	// operation or its path item). By default they are dropped, as the
	// official SDKs do not ship them.
	IncludeUndocumented bool
}

// Rule names, as reported in Report.Counts.
const (
	RuleScope              = "scope: drop x-undocumented operations"
	RuleLiftDiscriminated  = "lift inline discriminated-union members into named schemas"
	RuleMapDiscriminator   = "write explicit discriminator mappings"
	RuleNameUnionMembers   = "lift inline oneOf members named by their single-value enums"
	RuleLiftUnions         = "lift inline unions into named schemas, one per distinct union"
	RuleLiftBodies         = "lift inline request and response bodies into named schemas"
	RuleMergeEnumUnions    = "merge oneOf of string enums into one string enum"
	RuleAllOfDefaults      = "move defaults out of allOf members"
	RuleNullableAdditional = "drop nullable from additionalProperties beside properties"
)

// Report says what Normalize changed, per rule.
type Report struct {
	// Counts says how many changes each rule made.
	Counts map[string]int
	// Operations is the number of operations left in scope.
	Operations int
}

func (r *Report) add(rule string, n int) {
	if r.Counts == nil {
		r.Counts = map[string]int{}
	}
	r.Counts[rule] += n
}

// String lists the counts per rule, one line each, in a stable order.
func (r *Report) String() string {
	var b strings.Builder
	for _, rule := range slices.Sorted(maps.Keys(r.Counts)) {
		fmt.Fprintf(&b, "%6d  %s\n", r.Counts[rule], rule)
	}
	return b.String()
}

// Load parses and validates an OpenAPI 3.0 document with kin-openapi. It
// refuses external references: a spec must be self-contained.
func Load(ctx context.Context, data []byte) (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	loader.Context = ctx
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("load spec: %w", err)
	}
	if err := validate(ctx, doc); err != nil {
		return nil, err
	}
	return doc, nil
}

func validate(ctx context.Context, doc *openapi3.T) error {
	// Examples and defaults are documentation here; their exact conformance
	// does not change the generated code.
	if err := doc.Validate(ctx,
		openapi3.DisableExamplesValidation(),
		openapi3.DisableSchemaDefaultsValidation(),
		openapi3.DisableSchemaPatternValidation(),
	); err != nil {
		return fmt.Errorf("validate spec: %w", err)
	}
	return nil
}

// Normalize loads data, applies every rule, validates the result and
// returns it as JSON.
func Normalize(ctx context.Context, data []byte, opts Options) ([]byte, *Report, error) {
	doc, err := Load(ctx, data)
	if err != nil {
		return nil, nil, err
	}
	report, err := Apply(doc, opts)
	if err != nil {
		return nil, nil, err
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return nil, nil, fmt.Errorf("marshal normalized spec: %w", err)
	}
	// Validate what oapi-codegen will read, from its bytes, so that a rule
	// can never hand on a document that kin-openapi would refuse.
	if _, err := Load(ctx, out); err != nil {
		return nil, nil, fmt.Errorf("normalized spec is invalid (a normalizer bug): %w", err)
	}
	return out, report, nil
}

// Apply runs every rule on doc in place.
func Apply(doc *openapi3.T, opts Options) (*Report, error) {
	report := &Report{Counts: map[string]int{}}
	if !opts.IncludeUndocumented {
		report.add(RuleScope, dropUndocumented(doc))
	}
	if doc.Components == nil {
		doc.Components = &openapi3.Components{}
	}
	if doc.Components.Schemas == nil {
		doc.Components.Schemas = openapi3.Schemas{}
	}
	l := &lifter{doc: doc, report: report, byContent: map[string]string{}}
	w := &walker{visit: l.visit}
	if err := w.walkDoc(doc); err != nil {
		return nil, err
	}
	// A lifted schema is walked as a component of its own, under its new
	// name, once the pass that lifted it is over. Lifting only adds
	// components, each walked once, so this ends.
	for len(l.pending) > 0 {
		s := l.pending[0]
		l.pending = l.pending[1:]
		if err := w.walk(s, true); err != nil {
			return nil, err
		}
	}
	if doc.Paths != nil {
		for _, item := range doc.Paths.Map() {
			report.Operations += len(item.Operations())
		}
	}
	return report, nil
}

// dropUndocumented removes operations marked x-undocumented and path items
// left without operations. It returns how many operations it removed.
func dropUndocumented(doc *openapi3.T) int {
	if doc.Paths == nil {
		return 0
	}
	removed := 0
	for path, item := range doc.Paths.Map() {
		if hasExt(item.Extensions, "x-undocumented") {
			removed += len(item.Operations())
			doc.Paths.Delete(path)
			continue
		}
		for method, op := range item.Operations() {
			if hasExt(op.Extensions, "x-undocumented") {
				item.SetOperation(method, nil)
				removed++
			}
		}
		if len(item.Operations()) == 0 {
			doc.Paths.Delete(path)
		}
	}
	return removed
}

func hasExt(ext map[string]any, name string) bool {
	v, ok := ext[name]
	if !ok {
		return false
	}
	// The extension's presence marks the operation; an explicit false does not.
	if b, isBool := v.(bool); isBool {
		return b
	}
	return true
}

// lifter applies the node-local rules during one walk of the document.
type lifter struct {
	doc    *openapi3.T
	report *Report
	// byContent maps the JSON of a schema lifted so far to its component
	// name, so that identical members (the GET and POST variants of one
	// endpoint, or a model and its unmanaged twin) share one Go type.
	byContent map[string]string
	// pending holds the components lifted but not walked yet.
	pending []site
}

func (l *lifter) visit(s site) (bool, error) {
	v := s.ref.Value
	l.fixAllOfDefaults(v)
	l.fixNullableAdditional(v)
	l.mergeEnumUnion(v)
	if len(v.OneOf) == 0 && len(v.AnyOf) == 0 {
		if s.body != nil && s.ref.Ref == "" {
			// One named type per body, shared by the method variants of an
			// endpoint (GET and POST of /devices/list answer the same), instead
			// of an anonymous struct per operation in the response wrapper and
			// again in its parser.
			l.liftBody(s.ref, s.body, s.src)
			l.report.add(RuleLiftBodies, 1)
			return false, nil
		}
		return true, nil
	}
	if len(v.OneOf) > 0 {
		var err error
		if v.Discriminator != nil {
			err = l.liftDiscriminated(s)
		} else {
			err = l.liftIdentifiable(s)
		}
		if err != nil {
			return false, err
		}
	}
	if s.ref.Ref == "" && !isComponent(s.ptr) {
		// The union itself becomes a component: each distinct union is one
		// Go type with one set of As/From/Merge methods, instead of a copy
		// per place it appears (custom metadata values recur in every event).
		l.liftUnion(s)
		l.report.add(RuleLiftUnions, 1)
		return false, nil
	}
	return true, nil
}

// isComponent reports whether ptr is a component schema itself.
func isComponent(ptr string) bool {
	rest, ok := strings.CutPrefix(ptr, "#/components/schemas/")
	return ok && !strings.Contains(rest, "/")
}

// liftUnion lifts the union at s, keyed on its content without its
// documentation, and named after its member types when they are bare
// primitives ("string_or_boolean"), else after where it was first met.
func (l *lifter) liftUnion(s site) {
	hint := s.hint
	if s.body != nil {
		hint = s.body
	}
	if name := primitiveUnionName(s.ref.Value); name != "" {
		hint = []string{name}
	}
	l.liftKeyed(s.ref, hint, true, s.src)
}

// primitiveUnionName names a union whose members are bare types, e.g.
// "string_or_boolean"; it returns "" for any other union.
func primitiveUnionName(v *openapi3.Schema) string {
	members := v.OneOf
	if len(members) == 0 {
		members = v.AnyOf
	}
	var parts []string
	for _, m := range members {
		if m == nil || m.Ref != "" || m.Value == nil || m.Value.Type == nil || len(m.Value.Type.Slice()) != 1 {
			return ""
		}
		mv := *m.Value
		mv.Type, mv.Description = nil, ""
		if body, err := json.Marshal(&mv); err != nil || string(body) != "{}" {
			return ""
		}
		parts = append(parts, m.Value.Type.Slice()[0])
	}
	name := strings.Join(parts, "_or_")
	if v.Nullable {
		name = "nullable_" + name
	}
	return name
}

// liftDiscriminated turns each inline member of a discriminated oneOf into a
// named component and writes the discriminator mapping, which oapi-codegen
// needs to dispatch (it derives mapping keys from $ref names otherwise).
func (l *lifter) liftDiscriminated(s site) error {
	v := s.ref.Value
	prop := v.Discriminator.PropertyName
	if prop == "" {
		return fmt.Errorf("%s: discriminator has no propertyName", s.src)
	}
	mapping := map[string]openapi3.MappingRef{}
	for i, m := range v.OneOf {
		mptr := fmt.Sprintf("%s/oneOf/%d", s.src, i)
		if m == nil || m.Value == nil {
			return fmt.Errorf("%s: empty union member", mptr)
		}
		value, err := singleEnum(m.Value, prop)
		if err != nil {
			return fmt.Errorf("%s: discriminator %q: %w; cannot derive a mapping", mptr, prop, err)
		}
		if _, dup := mapping[value]; dup {
			return fmt.Errorf("%s: discriminator %q: value %q is used by more than one member; cannot derive a mapping", mptr, prop, value)
		}
		if m.Ref == "" {
			l.lift(m, append(clone(s.hint), value), mptr)
			l.report.add(RuleLiftDiscriminated, 1)
		}
		mapping[value] = openapi3.MappingRef{Ref: m.Ref}
	}
	if !sameMapping(v.Discriminator.Mapping, mapping) {
		v.Discriminator.Mapping = mapping
		l.report.add(RuleMapDiscriminator, 1)
	}
	return nil
}

// liftIdentifiable names the inline object members of a plain oneOf after
// the properties that hold a single enum value in every member, when those
// values tell the members apart (action attempts: action_type + status).
// Without it, oapi-codegen names members by their index, which shifts when
// the spec inserts a member.
func (l *lifter) liftIdentifiable(s site) error {
	v := s.ref.Value
	if len(v.OneOf) < 2 {
		return nil
	}
	var keys []string
	for i, m := range v.OneOf {
		if m == nil || m.Value == nil || m.Ref != "" || len(m.Value.Properties) == 0 {
			return nil
		}
		var ks []string
		for name := range m.Value.Properties {
			if _, err := singleEnum(m.Value, name); err == nil {
				ks = append(ks, name)
			}
		}
		if i == 0 {
			keys = ks
		} else {
			keys = intersect(keys, ks)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Strings(keys)
	names := make([][]string, len(v.OneOf))
	seen := map[string]bool{}
	for i, m := range v.OneOf {
		suffix := make([]string, len(keys))
		for j, k := range keys {
			suffix[j], _ = singleEnum(m.Value, k)
		}
		id := strings.Join(suffix, "\x00")
		if seen[id] {
			return nil // the values do not tell the members apart
		}
		seen[id] = true
		names[i] = append(clone(s.hint), suffix...)
	}
	for i, m := range v.OneOf {
		l.lift(m, names[i], fmt.Sprintf("%s/oneOf/%d", s.src, i))
		l.report.add(RuleNameUnionMembers, 1)
	}
	return nil
}

// lift makes m a $ref to a component named after hint, reusing the
// component of an identical schema lifted before. src is where m sits in
// the document as given.
func (l *lifter) lift(m *openapi3.SchemaRef, hint []string, src string) {
	l.liftKeyed(m, hint, false, src)
}

// liftBody lifts a request or response body under the name of its
// endpoint. Unlike union members, a body is shared only with the other
// method variants of the same endpoint: two endpoints that answer alike
// (an action attempt) still get a type each, named after the endpoint.
func (l *lifter) liftBody(m *openapi3.SchemaRef, hint []string, src string) {
	name := schemaName(hint)
	body, err := json.Marshal(m.Value)
	if err != nil {
		return
	}
	for n := 2; ; n++ {
		existing := l.doc.Components.Schemas[name]
		if existing == nil {
			break
		}
		if prev, err := json.Marshal(existing.Value); err == nil && string(prev) == string(body) {
			m.Ref = "#/components/schemas/" + name
			m.Value = existing.Value
			return
		}
		name = fmt.Sprintf("%s_%d", schemaName(hint), n)
	}
	component := &openapi3.SchemaRef{Value: m.Value}
	l.doc.Components.Schemas[name] = component
	m.Ref = "#/components/schemas/" + name
	l.pending = append(l.pending, site{ref: component, ptr: "#/components/schemas/" + escapePtr(name), src: src, hint: []string{name}})
}

// liftKeyed lifts m; with undocumented, two schemas that differ only in
// their top-level description or title count as the same.
func (l *lifter) liftKeyed(m *openapi3.SchemaRef, hint []string, undocumented bool, src string) {
	keyed := m.Value
	if undocumented {
		bare := *m.Value
		bare.Description, bare.Title = "", ""
		keyed = &bare
	}
	body, err := json.Marshal(keyed)
	if err != nil {
		// A kin-openapi Schema always marshals; keep the member inline if not.
		return
	}
	key := string(body)
	if name, ok := l.byContent[key]; ok {
		m.Ref = "#/components/schemas/" + name
		m.Value = l.doc.Components.Schemas[name].Value
		return
	}
	base := schemaName(hint)
	name := base
	for n := 2; l.doc.Components.Schemas[name] != nil; n++ {
		name = fmt.Sprintf("%s_%d", base, n)
	}
	component := &openapi3.SchemaRef{Value: m.Value}
	l.doc.Components.Schemas[name] = component
	l.byContent[key] = name
	l.pending = append(l.pending, site{ref: component, ptr: "#/components/schemas/" + escapePtr(name), src: src, hint: []string{name}})
	m.Ref = "#/components/schemas/" + name
}

// mergeEnumUnion turns a oneOf whose members are all bare string enums
// (device_type: one enum per kind of device) into one string enum with
// every value: the same set of valid values, as a plain Go string type
// rather than a union with As/From methods per member.
func (l *lifter) mergeEnumUnion(v *openapi3.Schema) {
	if len(v.OneOf) < 2 || v.Discriminator != nil || v.Type != nil && !v.Type.Is("string") {
		return
	}
	var values []any
	seen := map[string]bool{}
	for _, m := range v.OneOf {
		if m == nil || m.Ref != "" || m.Value == nil || m.Value.Type == nil || !m.Value.Type.Is("string") || len(m.Value.Enum) == 0 {
			return
		}
		bare := *m.Value
		bare.Type, bare.Enum, bare.Description = nil, nil, ""
		if body, err := json.Marshal(&bare); err != nil || string(body) != "{}" {
			return
		}
		for _, e := range m.Value.Enum {
			str, ok := e.(string)
			if !ok {
				return
			}
			if !seen[str] {
				seen[str] = true
				values = append(values, str)
			}
		}
	}
	v.OneOf = nil
	v.Type = &openapi3.Types{"string"}
	v.Enum = values
	l.report.add(RuleMergeEnumUnions, 1)
}

// fixAllOfDefaults moves a default out of allOf members: oapi-codegen refuses
// to merge two sets of defaults. A single member default moves to the
// parent when the parent has none; others are dropped.
func (l *lifter) fixAllOfDefaults(v *openapi3.Schema) {
	var withDefault []*openapi3.Schema
	for _, m := range v.AllOf {
		if m != nil && m.Ref == "" && m.Value != nil && m.Value.Default != nil {
			withDefault = append(withDefault, m.Value)
		}
	}
	if len(withDefault) == 0 {
		return
	}
	if v.Default == nil && len(withDefault) == 1 {
		v.Default = withDefault[0].Default
	}
	for _, m := range withDefault {
		m.Default = nil
	}
	l.report.add(RuleAllOfDefaults, len(withDefault))
}

// fixNullableAdditional drops nullable from an additionalProperties schema
// that sits beside properties: oapi-codegen emits code for it that does not
// compile. A null value then decodes as the zero value.
func (l *lifter) fixNullableAdditional(v *openapi3.Schema) {
	ap := v.AdditionalProperties.Schema
	if len(v.Properties) == 0 || ap == nil || ap.Ref != "" || ap.Value == nil || !ap.Value.Nullable {
		return
	}
	ap.Value.Nullable = false
	l.report.add(RuleNullableAdditional, 1)
}

// singleEnum returns the one enum value of property name in s.
func singleEnum(s *openapi3.Schema, name string) (string, error) {
	p := s.Properties[name]
	if p == nil || p.Value == nil {
		return "", fmt.Errorf("member has no property %q", name)
	}
	if len(p.Value.Enum) != 1 {
		return "", fmt.Errorf("property %q is not a single-value enum", name)
	}
	str, ok := p.Value.Enum[0].(string)
	if !ok || str == "" {
		return "", fmt.Errorf("property %q has a non-string enum value", name)
	}
	return str, nil
}

func sameMapping(a, b map[string]openapi3.MappingRef) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k].Ref != v.Ref {
			return false
		}
	}
	return true
}

func intersect(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if in[x] {
			out = append(out, x)
		}
	}
	return out
}

// schemaName joins hint segments into a snake_case component name made of
// [a-z0-9_] only.
func schemaName(hint []string) string {
	var b strings.Builder
	for _, seg := range hint {
		for _, r := range strings.ToLower(seg) {
			if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
				b.WriteRune(r)
			} else {
				b.WriteByte('_')
			}
		}
		b.WriteByte('_')
	}
	name := b.String()
	for strings.Contains(name, "__") {
		name = strings.ReplaceAll(name, "__", "_")
	}
	return strings.Trim(name, "_")
}
