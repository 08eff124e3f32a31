// Package answergen derives, from the normalised spec, one spec-valid
// answer per documented operation: the canned answers of
// seam/seamtest.NewServer (seam/seamtest/answers.gen.json). Each answer
// holds the required fields of the operation's 200 schema and its
// x-response-key's property even where the schema leaves it optional (enums
// at a valid value, action attempts at status success, pagination on its
// last page),
// so it decodes through the seam methods and waiting for an action attempt
// ends at once. scripts/generate (internal/pipeline) runs it.
package answergen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/seamgo/seam-go/internal/servicegen"
)

// File is the file Generate's output goes to, relative to the module root.
const File = "seam/seamtest/answers.gen.json"

// maxDepth bounds the nesting of a generated value (recursive schemas).
const maxDepth = 12

// Answer is the canned answer of one operation.
type Answer struct {
	// Method is the HTTP method the seam method sends.
	Method string `json:"method"`
	// Key is the x-response-key ("" when null).
	Key string `json:"key,omitempty"`
	// ActionAttemptType is the x-action-attempt-type, if any.
	ActionAttemptType string `json:"action_attempt_type,omitempty"`
	// Body is the 200 JSON body.
	Body json.RawMessage `json:"body"`
}

// Generate returns the answers file for doc: a JSON object from path to
// Answer, one line per path, sorted by path. The output depends only on doc.
func Generate(doc *openapi3.T, header string) ([]byte, error) {
	ops, err := servicegen.Plan(doc)
	if err != nil {
		return nil, err
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].Path < ops[j].Path })
	var b bytes.Buffer
	b.WriteString("{\n")
	fmt.Fprintf(&b, "  %s: %s", mustJSON("_comment"), mustJSON(header))
	for _, o := range ops {
		item := doc.Paths.Find(o.Path)
		op := item.GetOperation(o.Method)
		if op == nil {
			return nil, fmt.Errorf("answergen: %s %s: no operation", o.Method, o.Path)
		}
		aat := extString(op.Extensions, "x-action-attempt-type")
		g := &gen{want: map[string]string{"status": "success"}}
		if aat != "" {
			g.want["action_type"] = aat
		}
		var body any = map[string]any{"ok": true}
		s := servicegen.ResponseSchema(op)
		if s != nil {
			body = g.value(s, "", 0)
		}
		if m, ok := body.(map[string]any); ok {
			m["ok"] = true
			// The result, even where the schema leaves it optional
			// (/events/get): an answer without it is one the seam method
			// can only fail on.
			if s != nil && o.Key != "" && m[o.Key] == nil {
				if ref := s.Properties[o.Key]; ref != nil {
					m[o.Key] = g.value(ref.Value, o.Key, 1)
				}
			}
			if _, ok := m["pagination"]; ok {
				m["pagination"] = map[string]any{"has_next_page": false, "next_page_cursor": nil, "next_page_url": nil}
			}
		}
		raw, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("answergen: %s: %w", o.Path, err)
		}
		a := Answer{Method: o.Method, Key: o.Key, ActionAttemptType: aat, Body: raw}
		fmt.Fprintf(&b, ",\n  %s: %s", mustJSON(o.Path), mustJSON(a))
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}

func mustJSON(v any) string {
	raw, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(raw)
}

type gen struct {
	// want maps a property name to the enum value preferred for it, and
	// picks the union member that allows it.
	want map[string]string
}

// value is a spec-valid value of s; name is the property it is for.
func (g *gen) value(s *openapi3.Schema, name string, depth int) any {
	if s == nil || depth > maxDepth {
		return nil
	}
	if len(s.OneOf) > 0 {
		return g.value(g.pick(s.OneOf), name, depth+1)
	}
	if len(s.AnyOf) > 0 {
		return g.value(g.pick(s.AnyOf), name, depth+1)
	}
	if len(s.AllOf) > 0 {
		merged := map[string]any{}
		for _, m := range s.AllOf {
			if v, ok := g.value(m.Value, name, depth+1).(map[string]any); ok {
				for k, x := range v {
					merged[k] = x
				}
			}
		}
		if len(s.Properties) == 0 {
			return merged
		}
		for k, x := range g.object(s, depth) {
			merged[k] = x
		}
		return merged
	}
	if len(s.Enum) > 0 {
		if w, ok := g.want[name]; ok {
			for _, e := range s.Enum {
				if e == w {
					return e
				}
			}
		}
		return s.Enum[0]
	}
	typ := ""
	if s.Type != nil && len(*s.Type) > 0 {
		typ = (*s.Type)[0]
	}
	if typ == "" && len(s.Properties) > 0 {
		typ = "object"
	}
	switch typ {
	case "string":
		return stringValue(s, name)
	case "integer", "number":
		if s.Min != nil && *s.Min > 0 {
			return *s.Min
		}
		return 0
	case "boolean":
		return false
	case "array":
		if s.MinItems > 0 && s.Items != nil {
			return []any{g.value(s.Items.Value, name, depth+1)}
		}
		return []any{}
	case "object":
		return g.object(s, depth)
	}
	return nil
}

func (g *gen) object(s *openapi3.Schema, depth int) map[string]any {
	m := map[string]any{}
	for _, p := range s.Required {
		if ref := s.Properties[p]; ref != nil {
			m[p] = g.value(ref.Value, p, depth+1)
		}
	}
	return m
}

// pick is the union member allowing the most wanted values (status success,
// the operation's action type), the first among equals.
func (g *gen) pick(refs openapi3.SchemaRefs) *openapi3.Schema {
	best, score := refs[0].Value, -1
	for _, r := range refs {
		if r.Value == nil {
			continue
		}
		n := 0
		for prop, w := range g.want {
			if p := r.Value.Properties[prop]; p != nil && p.Value != nil {
				for _, e := range p.Value.Enum {
					if e == w {
						n++
					}
				}
			}
		}
		if n > score {
			best, score = r.Value, n
		}
	}
	return best
}

func stringValue(s *openapi3.Schema, name string) string {
	switch s.Format {
	case "date-time":
		return "2025-01-01T00:00:00.000Z"
	case "date":
		return "2025-01-01"
	case "uri", "url":
		return "https://example.com/"
	case "email":
		return "user@example.com"
	}
	if strings.HasSuffix(name, "_id") {
		return name + "_1"
	}
	if s.Format == "uuid" {
		return "00000000-0000-4000-8000-000000000000"
	}
	if s.MinLength > 0 {
		return strings.Repeat("x", int(s.MinLength))
	}
	return "string"
}

func extString(ext map[string]any, name string) string {
	if s, ok := ext[name].(string); ok {
		return s
	}
	return ""
}
