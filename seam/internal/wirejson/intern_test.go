package wirejson

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// TestShortStringsSharedWithinAnAnswer checks that a short value repeated
// through an answer is allocated once, that unique values met later do not
// push it out, and that long values are not shared.
func TestShortStringsSharedWithinAnAnswer(t *testing.T) {
	long := strings.Repeat("x", maxInterned+1)
	var items []string
	for i := range 300 {
		items = append(items, fmt.Sprintf(`{"s":"workspace_1","e":"unique_%03d","ps":%q}`, i, long))
	}
	var v struct {
		Items []kinds `json:"items"`
	}
	if err := Unmarshal([]byte(`{"items":[`+strings.Join(items, ",")+`]}`), &v); err != nil {
		t.Fatal(err)
	}
	first, last := v.Items[0], v.Items[len(v.Items)-1]
	if unsafe.StringData(first.S) != unsafe.StringData(last.S) {
		t.Error("the value every item repeats was allocated more than once")
	}
	if unsafe.StringData(*first.PS) == unsafe.StringData(*last.PS) {
		t.Errorf("a string over %d bytes was shared", maxInterned)
	}
	if last.E != "unique_299" || *last.PS != long {
		t.Errorf("last item decoded as %q, %q", last.E, *last.PS)
	}
}
