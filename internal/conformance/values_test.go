package conformance

import (
	"fmt"
	"sort"
	"strings"
)

// The values of the conformance inputs are derived from the spec's
// schemas, deterministically: the same spec always gives the same values.

// spec is openapi.json as generic JSON.
type spec map[string]any

// Fixed values by string format.
const (
	sampleDateTime    = "2027-03-04T05:06:07.000Z"
	sampleEndDateTime = "2027-03-06T05:06:07.000Z"
	sampleDate        = "2027-03-04"
	sampleUUID        = "8d3b2f4e-1c5a-4e6b-9f7d-2a1b3c4d5e6f"
)

// maxOptional bounds the optional properties an input object carries.
const maxOptional = 3

// maxDepth bounds the nesting of generated values (the schemas have cycles
// through $ref only in theory, but answers nest deeply).
const maxDepth = 16

// resolve follows a local $ref ("#/components/schemas/x").
func (s spec) resolve(schema map[string]any) map[string]any {
	for i := 0; i < 16; i++ {
		ref, ok := schema["$ref"].(string)
		if !ok {
			return schema
		}
		node := any(map[string]any(s))
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			m, _ := node.(map[string]any)
			node = m[part]
		}
		next, ok := node.(map[string]any)
		if !ok {
			return map[string]any{}
		}
		schema = next
	}
	return schema
}

// value generates a value for schema; name is the property (or parameter)
// name it is for, used to make strings distinct.
func (s spec) value(schema map[string]any, name string, depth int) (any, bool) {
	schema = s.resolve(schema)
	if depth > maxDepth {
		return nil, false
	}
	if members, ok := schema["allOf"].([]any); ok && len(members) > 0 {
		var merged any
		for _, member := range members {
			v, ok := s.value(asMap(member), name, depth)
			if ok {
				merged = mergeValues(merged, v)
			}
		}
		return merged, merged != nil
	}
	for _, key := range []string{"oneOf", "anyOf"} {
		if members, ok := schema[key].([]any); ok && len(members) > 0 {
			return s.value(asMap(members[0]), name, depth)
		}
	}
	if enum, ok := schema["enum"].([]any); ok && len(enum) > 0 {
		return enum[0], true
	}
	switch typ, _ := schema["type"].(string); typ {
	case "string":
		return stringValue(schema, name), true
	case "integer":
		return clamp(2, schema), true
	case "number":
		return clamp(21.5, schema), true
	case "boolean":
		return true, true
	case "array":
		items := asMap(schema["items"])
		count := 1
		if minItems, ok := schema["minItems"].(float64); ok && int(minItems) > count {
			count = int(minItems)
		}
		out := []any{}
		for i := 0; i < count; i++ {
			v, ok := s.value(items, name, depth+1)
			if !ok {
				break
			}
			out = append(out, v)
		}
		return out, true
	default: // object, or no type
		if _, ok := schema["properties"]; !ok {
			switch extra := schema["additionalProperties"].(type) {
			case map[string]any:
				if len(extra) > 0 {
					v, ok := s.value(extra, name, depth+1)
					if ok {
						return map[string]any{"key": v}, true
					}
				}
				return map[string]any{"key": "value"}, true
			case bool:
				return map[string]any{"key": "value"}, true
			}
			if typ == "" {
				if schema["nullable"] == true {
					return nil, true // "error": null of an action attempt
				}
				return "value", true
			}
			return map[string]any{}, true
		}
		return s.object(schema, depth), true
	}
}

// object generates an input object: the required properties plus at most
// maxOptional optional ones (one of each JSON kind, by name order).
func (s spec) object(schema map[string]any, depth int) map[string]any {
	props := asMap(schema["properties"])
	required := map[string]bool{}
	for _, r := range asSlice(schema["required"]) {
		if name, ok := r.(string); ok {
			required[name] = true
		}
	}
	names := make([]string, 0, len(props))
	for name := range props {
		names = append(names, name)
	}
	sort.Strings(names)
	out := map[string]any{}
	kinds := map[string]bool{}
	optional := 0
	for _, name := range names {
		prop := asMap(props[name])
		if !required[name] {
			kind := s.kind(prop)
			if optional >= maxOptional || kinds[kind] || prop["deprecated"] == true {
				continue
			}
			kinds[kind] = true
			optional++
		}
		if v, ok := s.value(prop, name, depth+1); ok && v != nil {
			out[name] = v
		}
	}
	return out
}

// kind is the JSON kind of a schema ("string", "array", …; "union").
func (s spec) kind(schema map[string]any) string {
	schema = s.resolve(schema)
	if typ, ok := schema["type"].(string); ok {
		if typ == "integer" {
			return "number"
		}
		return typ
	}
	return "union"
}

// stringValue is a string for schema, distinct per name, within its
// length limits and known patterns.
func stringValue(schema map[string]any, name string) string {
	switch schema["format"] {
	case "date-time":
		return sampleDateTime
	case "date":
		return sampleDate
	case "uuid":
		return sampleUUID
	case "email":
		return "jane@example.com"
	case "uri", "url":
		return "https://example.com/" + name
	}
	v := name + "_value"
	if name == "" {
		v = "value"
	}
	if pattern, _ := schema["pattern"].(string); pattern != "" {
		if strings.Contains(pattern, `\d`) {
			v = "123456"
		} else {
			v = "value"
		}
	}
	if minLength, ok := schema["minLength"].(float64); ok {
		for len(v) < int(minLength) {
			v += "0"
		}
	}
	if maxLength, ok := schema["maxLength"].(float64); ok && len(v) > int(maxLength) {
		v = v[:int(maxLength)]
	}
	return v
}

// operationInput derives the input of an operation sent with method: the
// query parameters of a GET, the body of any other method.
func (s spec) operationInput(path, method string) (map[string]any, error) {
	op := asMap(asMap(asMap(s["paths"])[path])[strings.ToLower(method)])
	if op == nil {
		return nil, fmt.Errorf("%s %s: no such operation", method, path)
	}
	if method == "GET" {
		obj := map[string]any{"type": "object", "properties": map[string]any{}}
		var required []any
		for _, p := range asSlice(op["parameters"]) {
			param := s.resolve(asMap(p))
			if param["in"] != "query" {
				continue
			}
			name, _ := param["name"].(string)
			asMap(obj["properties"])[name] = param["schema"]
			if param["required"] == true {
				required = append(required, name)
			}
		}
		obj["required"] = required
		return s.object(obj, 0), nil
	}
	schema := asMap(asMap(asMap(asMap(op["requestBody"])["content"])["application/json"])["schema"])
	if schema == nil {
		return map[string]any{}, nil
	}
	v, _ := s.value(schema, "", 0)
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s %s: body is %T, not an object", method, path, v)
	}
	return obj, nil
}

// methods lists the HTTP methods the spec documents for path.
func (s spec) methods(path string) []string {
	var out []string
	for method := range asMap(asMap(s["paths"])[path]) {
		switch method {
		case "get", "post", "put", "patch", "delete":
			out = append(out, strings.ToUpper(method))
		}
	}
	sort.Strings(out)
	return out
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

// mergeValues merges the values of the members of an allOf: objects member
// by member, anything else by the later value.
func mergeValues(a, b any) any {
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if !aok || !bok {
		if b == nil {
			return a
		}
		return b
	}
	out := map[string]any{}
	for k, v := range am {
		out[k] = v
	}
	for k, v := range bm {
		out[k] = mergeValues(out[k], v)
	}
	return out
}

// clamp keeps n within the schema's minimum and maximum.
func clamp(n float64, schema map[string]any) float64 {
	if minimum, ok := schema["minimum"].(float64); ok && minimum > n {
		n = minimum
	}
	if maximum, ok := schema["maximum"].(float64); ok && maximum < n {
		n = maximum
	}
	return n
}
