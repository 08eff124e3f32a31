package specdiff

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiffOperations(t *testing.T) {
	r := fixtureReport(t, Options{})

	assert.Equal(t, []Operation{
		{Method: "GET", Path: "/gadgets/get"},
		{Method: "POST", Path: "/gadgets/get"},
		{Method: "POST", Path: "/internal/thing", Note: "was x-undocumented"},
	}, r.OperationsAdded)
	assert.Equal(t, []Operation{
		{Method: "POST", Path: "/widgets/archive", Note: "now x-undocumented"},
		{Method: "POST", Path: "/widgets/delete"},
	}, r.OperationsRemoved)
	assert.Equal(t, []Operation{
		{Method: "GET", Path: "/widgets/list"},
		{Method: "POST", Path: "/widgets/paint", Note: "Use `/widgets/update`."},
	}, r.OperationsDeprecated)
}

func TestDiffRequest(t *testing.T) {
	r := fixtureReport(t, Options{})

	assert.Equal(t, []Change{
		{Kind: EnumValueAdded, In: InQuery, Path: "color", Detail: "yellow"},
		{Kind: EnumValueRemoved, In: InQuery, Path: "color", Detail: "blue", Breaking: true},
		{Kind: Added, In: InQuery, Path: "page_cursor", Detail: "string"},
	}, opDiff(t, r, "GET /widgets/list").Request)
	assert.Equal(t, []Change{
		{Kind: EnumValueAdded, In: InBody, Path: "color", Detail: "yellow"},
		{Kind: EnumValueRemoved, In: InBody, Path: "color", Detail: "blue", Breaking: true},
		{Kind: Added, In: InBody, Path: "page_cursor", Detail: "string"},
	}, opDiff(t, r, "POST /widgets/list").Request)
	assert.Equal(t, []Change{
		{Kind: Removed, In: InBody, Path: "name", Detail: "string", Breaking: true},
		{Kind: NowRequired, In: InBody, Path: "note", Breaking: true},
		{Kind: Added, In: InBody, Path: "revision", Detail: "integer, required", Breaking: true},
		{Kind: Retyped, In: InBody, Path: "size", Detail: "integer → string", Breaking: true},
		{Kind: Added, In: InBody, Path: "tags", Detail: "array of string"},
	}, opDiff(t, r, "POST /widgets/update").Request)
	assert.Equal(t, []Change{
		{Kind: Added, In: InQuery, Path: "include_deleted", Detail: "boolean"},
	}, opDiff(t, r, "GET /widgets/get").Request)
}

func TestDiffResponse(t *testing.T) {
	r := fixtureReport(t, Options{})

	// The response follows $ref widget (through a response component); the
	// self-reference widget.parent is not entered again.
	want := []Change{
		{Kind: EnumValueAdded, In: InResponse, Path: "widget.color", Detail: "yellow"},
		{Kind: EnumValueRemoved, In: InResponse, Path: "widget.color", Detail: "blue", Breaking: true},
		{Kind: Added, In: InResponse, Path: "widget.description", Detail: "string"},
		{Kind: Removed, In: InResponse, Path: "widget.dimensions.height", Detail: "number", Breaking: true},
		{Kind: Retyped, In: InResponse, Path: "widget.dimensions.width", Detail: "number → string", Breaking: true},
		{Kind: Added, In: InResponse, Path: "widget.errors[]{low_battery}", Detail: "union member"},
		{Kind: Added, In: InResponse, Path: "widget.errors[]{offline}.reason", Detail: "string"},
	}
	assert.Equal(t, want, opDiff(t, r, "GET /widgets/get").Response)
	assert.Equal(t, want, opDiff(t, r, "POST /widgets/get").Response)

	list := opDiff(t, r, "POST /widgets/list").Response
	require.Len(t, list, len(want))
	assert.Equal(t, "widgets[].errors[]{offline}.reason", list[len(list)-1].Path)

	// A union without discriminator is labelled by the pinned enum that varies.
	assert.Equal(t, []Change{
		{Kind: Added, In: InResponse, Path: "action_attempt{error}", Detail: "union member"},
	}, opDiff(t, r, "POST /widgets/paint").Response)
}

func TestDiffSchemas(t *testing.T) {
	r := fixtureReport(t, Options{})

	// legacy_receipt went with /widgets/delete; orphan is used by no
	// operation, so its change is out of scope.
	assert.Equal(t, []Component{{Name: "gadget"}}, r.SchemasAdded)
	assert.Equal(t, []Component{{Name: "legacy_receipt"}}, r.SchemasRemoved)
	require.Len(t, r.Schemas, 2)
	assert.Equal(t, "action_attempt", r.Schemas[0].Name)
	assert.Equal(t, []Change{
		{Kind: EnumValueAdded, In: InSchema, Path: "widget.color", Detail: "yellow"},
		{Kind: EnumValueRemoved, In: InSchema, Path: "widget.color", Detail: "blue", Breaking: true},
		{Kind: Added, In: InSchema, Path: "widget.description", Detail: "string"},
		{Kind: Removed, In: InSchema, Path: "widget.dimensions.height", Detail: "number", Breaking: true},
		{Kind: Retyped, In: InSchema, Path: "widget.dimensions.width", Detail: "number → string", Breaking: true},
		{Kind: Added, In: InSchema, Path: "widget.errors[]{low_battery}", Detail: "union member"},
		{Kind: Added, In: InSchema, Path: "widget.errors[]{offline}.reason", Detail: "string"},
	}, schemaDiff(t, r, "widget").Changes)
}

func TestDiffIncludeUndocumented(t *testing.T) {
	r := fixtureReport(t, Options{IncludeUndocumented: true})

	assert.True(t, r.IncludeUndocumented)
	assert.Equal(t, []Operation{{Method: "GET", Path: "/gadgets/get"}, {Method: "POST", Path: "/gadgets/get"}}, r.OperationsAdded)
	assert.Equal(t, []Operation{{Method: "POST", Path: "/widgets/delete"}}, r.OperationsRemoved)
	assert.Equal(t, []Change{
		{Kind: Added, In: InBody, Path: "force", Detail: "boolean"},
	}, opDiff(t, r, "POST /secret/reset").Request)

	documented := fixtureReport(t, Options{})
	for _, d := range documented.Operations {
		assert.NotEqual(t, "/secret/reset", d.Operation.Path)
	}
}

func TestDiffNoChange(t *testing.T) {
	r := Diff(loadFixture(t, "old.json"), loadFixture(t, "old.json"), Options{IncludeUndocumented: true})
	assert.True(t, r.Empty())
	assert.False(t, r.Breaking())
	assert.Equal(t, VerdictNoChange, r.Verdict())
	assert.Equal(t, "No change.\n", r.Markdown())
}

func TestDiffNilSpecs(t *testing.T) {
	old := loadFixture(t, "old.json")
	r := Diff(old, nil, Options{})
	assert.Len(t, r.OperationsRemoved, 8) // 10, less 2 x-undocumented
	assert.Equal(t, VerdictBreaking, r.Verdict())

	r = Diff(nil, old, Options{})
	assert.Len(t, r.OperationsAdded, 8)
	assert.Len(t, r.SchemasAdded, 3) // widget, action_attempt, legacy_receipt
	assert.Equal(t, VerdictNotBreaking, r.Verdict())
}

// TestVerdictRule applies one change at a time to old.json and checks the
// verdict, so that each line of the rule in the package doc is exercised.
func TestVerdictRule(t *testing.T) {
	prop := func(s *openapi3.Schema, name string) *openapi3.Schema { return s.Properties[name].Value }
	str := func() *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}}}
	}
	cases := []struct {
		name   string
		change func(t *testing.T, doc *openapi3.T)
		want   string
	}{
		{"operation added", func(t *testing.T, doc *openapi3.T) {
			doc.Paths.Set("/widgets/spin", &openapi3.PathItem{Post: doc.Paths.Value("/widgets/archive").Post})
		}, VerdictNotBreaking},
		{"operation deprecated", func(t *testing.T, doc *openapi3.T) {
			doc.Paths.Value("/widgets/update").Post.Deprecated = true
		}, VerdictNotBreaking},
		{"optional body property added", func(t *testing.T, doc *openapi3.T) {
			bodySchema(t, doc, "POST", "/widgets/update").Properties["label"] = str()
		}, VerdictNotBreaking},
		{"request enum value added", func(t *testing.T, doc *openapi3.T) {
			c := prop(bodySchema(t, doc, "POST", "/widgets/paint"), "color")
			c.Enum = append(c.Enum, "pink")
		}, VerdictNotBreaking},
		{"required parameter made optional", func(t *testing.T, doc *openapi3.T) {
			doc.Paths.Value("/widgets/get").Get.Parameters[0].Value.Required = false
		}, VerdictNotBreaking},
		{"response field added", func(t *testing.T, doc *openapi3.T) {
			component(t, doc, "widget").Properties["weight"] = str()
		}, VerdictNotBreaking},
		{"response enum value added", func(t *testing.T, doc *openapi3.T) {
			c := prop(component(t, doc, "widget"), "color")
			c.Enum = append(c.Enum, "pink")
		}, VerdictNotBreaking},
		{"x-undocumented operation removed (out of scope)", func(t *testing.T, doc *openapi3.T) {
			doc.Paths.Delete("/secret/reset")
		}, VerdictNoChange},
		{"uuid format dropped (same Go type)", func(t *testing.T, doc *openapi3.T) {
			prop(component(t, doc, "widget"), "widget_id").Format = ""
		}, VerdictNoChange},
		{"description changed", func(t *testing.T, doc *openapi3.T) {
			component(t, doc, "widget").Description = "A widget."
		}, VerdictNoChange},

		{"operation removed", func(t *testing.T, doc *openapi3.T) {
			doc.Paths.Value("/widgets/get").Get = nil
		}, VerdictBreaking},
		{"operation made undocumented", func(t *testing.T, doc *openapi3.T) {
			doc.Paths.Value("/widgets/update").Extensions = map[string]any{"x-undocumented": "Soon gone."}
		}, VerdictBreaking},
		{"query parameter removed", func(t *testing.T, doc *openapi3.T) {
			doc.Paths.Value("/widgets/list").Get.Parameters = doc.Paths.Value("/widgets/list").Get.Parameters[:1]
		}, VerdictBreaking},
		{"query parameter made required", func(t *testing.T, doc *openapi3.T) {
			doc.Paths.Value("/widgets/list").Get.Parameters[0].Value.Required = true
		}, VerdictBreaking},
		{"required query parameter added", func(t *testing.T, doc *openapi3.T) {
			op := doc.Paths.Value("/widgets/list").Get
			op.Parameters = append(op.Parameters, &openapi3.ParameterRef{Value: &openapi3.Parameter{
				In: "query", Name: "owner", Required: true, Schema: str(),
			}})
		}, VerdictBreaking},
		{"body property removed", func(t *testing.T, doc *openapi3.T) {
			delete(bodySchema(t, doc, "POST", "/widgets/update").Properties, "size")
		}, VerdictBreaking},
		{"body property made required", func(t *testing.T, doc *openapi3.T) {
			b := bodySchema(t, doc, "POST", "/widgets/update")
			b.Required = append(b.Required, "name")
		}, VerdictBreaking},
		{"request enum value removed", func(t *testing.T, doc *openapi3.T) {
			prop(bodySchema(t, doc, "POST", "/widgets/paint"), "color").Enum = []any{"red"}
		}, VerdictBreaking},
		{"request enum dropped", func(t *testing.T, doc *openapi3.T) {
			prop(bodySchema(t, doc, "POST", "/widgets/paint"), "color").Enum = nil
		}, VerdictBreaking},
		{"response field removed", func(t *testing.T, doc *openapi3.T) {
			delete(component(t, doc, "widget").Properties, "created_at")
		}, VerdictBreaking},
		{"response field retyped", func(t *testing.T, doc *openapi3.T) {
			prop(component(t, doc, "widget"), "name").Type = &openapi3.Types{openapi3.TypeInteger}
		}, VerdictBreaking},
		{"date-time format dropped", func(t *testing.T, doc *openapi3.T) {
			prop(component(t, doc, "widget"), "created_at").Format = ""
		}, VerdictBreaking},
		{"response enum value removed", func(t *testing.T, doc *openapi3.T) {
			prop(component(t, doc, "widget"), "color").Enum = []any{"red", "green"}
		}, VerdictBreaking},
		{"union member removed", func(t *testing.T, doc *openapi3.T) {
			aa := component(t, doc, "action_attempt")
			aa.OneOf = aa.OneOf[:1]
		}, VerdictBreaking},
		{"component schema removed", func(t *testing.T, doc *openapi3.T) {
			resp := doc.Paths.Value("/widgets/delete").Post.Responses.Status(200).Value
			resp.Content.Get("application/json").Schema.Value.Properties["receipt"] = str()
		}, VerdictBreaking},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			newDoc := loadFixture(t, "old.json")
			tc.change(t, newDoc)
			r := Diff(loadFixture(t, "old.json"), newDoc, Options{})
			assert.Equal(t, tc.want, r.Verdict(), "%+v", r)
			if tc.want == VerdictBreaking {
				assert.Positive(t, r.BreakingCount())
			}
		})
	}
}
