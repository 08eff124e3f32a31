package wirejson

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/seamgo/seam-go/gen"
)

// fixtureTypes maps each captured answer under seam/testdata to the
// generated type its operation decodes into.
var fixtureTypes = map[string]func() any{
	"fake/access_codes_get.json":        func() any { return new(gen.AccessCodesGetResponseBody) },
	"fake/access_codes_list.json":       func() any { return new(gen.AccessCodesListResponseBody) },
	"fake/action_attempt_unlock.json":   func() any { return new(gen.ActionAttemptsGetResponseBody) },
	"fake/connected_accounts_list.json": func() any { return new(gen.ConnectedAccountsListResponseBody) },
	"fake/devices_get_lock.json":        func() any { return new(gen.DevicesGetResponseBody) },
	"fake/devices_list.json":            func() any { return new(gen.DevicesListResponseBody) },
	"fake/events_list.json":             func() any { return new(gen.EventsListResponseBody) },
	"fake/locks_unlock_door.json":       func() any { return new(gen.LocksUnlockDoorResponseBody) },
	"accesscodes/*.response.json":       func() any { return new(gen.AccessCodesCreateResponseBody) },
}

// fixtures returns every captured answer and a new value of its type.
func fixtures(t testing.TB) (files []string, newValue []func() any) {
	t.Helper()
	for pattern, v := range fixtureTypes {
		matches, err := filepath.Glob(filepath.Join("..", "..", "testdata", pattern))
		if err != nil || len(matches) == 0 {
			t.Fatalf("no fixture matches %s (%v)", pattern, err)
		}
		for _, m := range matches {
			files = append(files, m)
			newValue = append(newValue, v)
		}
	}
	return files, newValue
}

// TestFixturesOnTheFastPath decodes every captured answer into its
// generated type on the fast path, to what encoding/json makes of it.
func TestFixturesOnTheFastPath(t *testing.T) {
	all, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "fake", "*.json"))
	files, newValue := fixtures(t)
	if len(files) < len(all) {
		t.Errorf("%d fixtures under testdata/fake, %d with a type in fixtureTypes: give each its type", len(all), len(files))
	}
	for i, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		fast, std := newValue[i](), newValue[i]()
		if !tryUnmarshal(data, fast) {
			t.Errorf("%s: left to encoding/json", file)
		}
		if err := json.Unmarshal(data, std); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if !reflect.DeepEqual(fast, std) {
			t.Errorf("%s: decoded differently from encoding/json", file)
		}
		if reflect.ValueOf(fast).Elem().IsZero() {
			t.Errorf("%s: decoded to a zero value", file)
		}
	}
}

// FuzzSameAsEncodingJSON decodes any input into the test types and the
// generated answer types with Unmarshal and with encoding/json, and
// fails unless both give the same value and error. The seeds are the
// cases above and the captured answers.
func FuzzSameAsEncodingJSON(f *testing.F) {
	for _, c := range cases {
		f.Add([]byte(c))
	}
	files, _ := fixtures(f)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsEncodingJSON[kinds](t, string(data))
		sameAsEncodingJSON[gen.DevicesListResponseBody](t, string(data))
		sameAsEncodingJSON[gen.AccessCodesCreateResponseBody](t, string(data))
		sameAsEncodingJSON[gen.EventsListResponseBody](t, string(data))
		sameAsEncodingJSON[gen.ActionAttemptsGetResponseBody](t, string(data))
	})
}
