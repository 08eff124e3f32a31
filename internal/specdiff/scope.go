package specdiff

import "github.com/getkin/kin-openapi/openapi3"

// componentScope returns the component schemas that the in-scope operations
// of spec reach through $refs, directly or through other components.
func componentScope(spec *openapi3.T, ops map[string]*opInfo, inScope func(*opInfo) bool) map[string]bool {
	names := make(map[string]bool)
	if spec == nil {
		return names
	}
	seen := make(map[*openapi3.Schema]bool)
	var visit func(s *openapi3.SchemaRef)
	visit = func(s *openapi3.SchemaRef) {
		if s == nil {
			return
		}
		if name := componentName(s.Ref); name != "" && !names[name] {
			names[name] = true
			if c := spec.Components.Schemas[name]; c != nil && c != s {
				visit(c)
			}
		}
		v := s.Value
		if v == nil || seen[v] {
			return
		}
		seen[v] = true
		for _, p := range v.Properties {
			visit(p)
		}
		for _, list := range []openapi3.SchemaRefs{v.AllOf, v.OneOf, v.AnyOf} {
			for _, m := range list {
				visit(m)
			}
		}
		visit(v.Items)
		visit(v.Not)
		visit(v.AdditionalProperties.Schema)
	}
	for _, o := range ops {
		if !inScope(o) {
			continue
		}
		for _, list := range []openapi3.Parameters{o.pathItem.Parameters, o.operation.Parameters} {
			for _, p := range list {
				if p != nil && p.Value != nil {
					visit(p.Value.Schema)
				}
			}
		}
		if rb := o.operation.RequestBody; rb != nil && rb.Value != nil {
			for _, mt := range rb.Value.Content {
				visit(mt.Schema)
			}
		}
		if o.operation.Responses != nil {
			for _, r := range o.operation.Responses.Map() {
				if r == nil || r.Value == nil {
					continue
				}
				for _, mt := range r.Value.Content {
					visit(mt.Schema)
				}
			}
		}
	}
	return names
}
