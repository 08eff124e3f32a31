package normalize_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seamgo/seam-go/internal/normalize"
)

func TestBodiesLiftedPerEndpoint(t *testing.T) {
	r := run(t, fixture(t, "bodies.json"), normalize.Options{})

	assert.Equal(t, map[string]int{
		// devices/list: GET 200 + 400, POST request + 200; devices/get 200;
		// locks/get GET + POST. A $ref body and a union body are not bodies to lift.
		normalize.RuleLiftBodies: 7,
		// The filter union of the two devices bodies (one type) and the union body.
		normalize.RuleLiftUnions: 3,
	}, r.counts())

	const list = "#/paths/~1devices~1list/"
	// GET and POST of one endpoint answering alike share one type.
	assert.Equal(t, schemaRef("devices_list_response_body"), r.ref(t, list+"get/responses/200/content/application~1json/schema"))
	assert.Equal(t, schemaRef("devices_list_response_body"), r.ref(t, list+"post/responses/200/content/application~1json/schema"))
	assert.Equal(t, schemaRef("devices_list_response_400_body"), r.ref(t, list+"get/responses/400/content/application~1json/schema"))
	assert.Equal(t, schemaRef("devices_list_request_body"), r.ref(t, list+"post/requestBody/content/application~1json/schema"))
	// Another endpoint answering alike still gets a type of its own...
	assert.Equal(t, schemaRef("devices_get_response_body"), r.ref(t, "#/paths/~1devices~1get/get/responses/200/content/application~1json/schema"))
	// ...and a lifted body is walked like any component: its union is lifted
	// once for both identical bodies, under the name of the first body met
	// (paths are walked in sorted order: /devices/get first).
	assert.Equal(t, schemaRef("devices_get_response_body_filter"), r.ref(t, "#/components/schemas/devices_list_response_body/properties/filter"))
	assert.Equal(t, schemaRef("devices_get_response_body_filter"), r.ref(t, "#/components/schemas/devices_get_response_body/properties/filter"))
	// Two methods of one endpoint answering differently get a suffix.
	assert.Equal(t, schemaRef("locks_get_response_body"), r.ref(t, "#/paths/~1locks~1get/get/responses/200/content/application~1json/schema"))
	assert.Equal(t, schemaRef("locks_get_response_body_2"), r.ref(t, "#/paths/~1locks~1get/post/responses/200/content/application~1json/schema"))
	assert.Contains(t, r.component(t, "locks_get_response_body_2")["properties"], "extra")
	// A $ref body stays as it is; a union body is lifted as a union, named
	// after the endpoint.
	assert.Equal(t, schemaRef("thing"), r.ref(t, "#/paths/~1things~1get/post/responses/200/content/application~1json/schema"))
	assert.Equal(t, schemaRef("things_either_response_body"), r.ref(t, "#/paths/~1things~1either/post/responses/200/content/application~1json/schema"))

	assert.ElementsMatch(t, []string{
		"thing", "devices_list_response_body", "devices_list_response_400_body", "devices_list_request_body",
		"devices_get_response_body", "devices_get_response_body_filter", "locks_get_response_body", "locks_get_response_body_2",
		"things_either_response_body",
	}, r.components(t))
}
