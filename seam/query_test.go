package seam

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
)

// custom_metadata_has is sent in the dot-path form the Seam API reads
// (custom_metadata_has.tier=vip), not as bare tier=vip.
func TestObjectQueryParamsUseDotPaths(t *testing.T) {
	var got url.Values
	var rawQuery string
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		got, rawQuery = r.URL.Query(), r.URL.RawQuery
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"devices":[],"ok":true}`))
	})
	c := newTestClient(t, srv.URL)
	var vip, flag gen.StringOrBoolean
	require.NoError(t, vip.FromStringOrBoolean0("v i&p"))
	require.NoError(t, flag.FromStringOrBoolean1(true))
	meta := map[string]gen.StringOrBoolean{"tier": vip, "is_test": flag}
	deviceID := "d1"
	_, err := c.API().DevicesListGetWithResponse(context.Background(), &gen.DevicesListGetParams{
		CustomMetadataHas: &meta, ConnectedAccountId: &deviceID,
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"v i&p"}, got["custom_metadata_has.tier"])
	assert.Equal(t, []string{"true"}, got["custom_metadata_has.is_test"])
	assert.Equal(t, []string{"d1"}, got["connected_account_id"])
	assert.NotContains(t, got, "tier", "the parameter name is kept")
	assert.Contains(t, rawQuery, "custom_metadata_has.is_test=true&custom_metadata_has.tier=v+i%26p", "sorted, form-escaped")
}

func TestObjectQueryParamKeyWithDotRefused(t *testing.T) {
	var hits counter
	srv := newTestServer(t, failFirst(&hits, 0, 0, nil))
	c := newTestClient(t, srv.URL)
	var v gen.StringOrBoolean
	require.NoError(t, v.FromStringOrBoolean0("x"))
	meta := map[string]gen.StringOrBoolean{"a.b": v}
	_, err := c.API().DevicesListGetWithResponse(context.Background(), &gen.DevicesListGetParams{CustomMetadataHas: &meta})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "custom_metadata_has")
	assert.Contains(t, err.Error(), `"a.b"`)
	assert.Equal(t, int64(0), hits.get(), "refused before sending")
}

// A 2xx body that does not decode names the request and its request id,
// and never quotes the body.
func TestDecodeErrorNamesRequestAndRequestID(t *testing.T) {
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Seam-Request-Id", "req_42")
		_, _ = w.Write([]byte(`{"access_code": {"access_code_id": 7, "code": "` + testAPIKey + `"}}`))
	})
	c := newTestClient(t, srv.URL)
	_, err := c.AccessCodes.Get(context.Background(), "ac_1")
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, http.MethodGet, de.Method)
	assert.Equal(t, "/access_codes/get", de.Path)
	assert.Equal(t, "req_42", de.RequestID)
	assert.Equal(t, http.StatusOK, de.StatusCode)
	assert.Contains(t, err.Error(), "GET /access_codes/get")
	assert.Contains(t, err.Error(), "req_42")
	assertNoSecret(t, err.Error())
}
