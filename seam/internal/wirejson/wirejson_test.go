package wirejson

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// enum is a named string type, as the generated enums are.
type enum string

// union keeps its raw JSON, as the generated unions do.
type union struct{ raw json.RawMessage }

func (u *union) UnmarshalJSON(b []byte) error {
	if string(b) == `"refuse"` {
		return fmt.Errorf("union: refused")
	}
	u.raw = append(u.raw[:0], b...)
	return nil
}

// inner is a nested struct type.
type inner struct {
	Name  string  `json:"name"`
	Count *int    `json:"count,omitempty"`
	Ratio float32 `json:"ratio"`
}

// kinds holds a field of every kind the fast path decodes.
type kinds struct {
	S       string            `json:"s"`
	E       enum              `json:"e"`
	PS      *string           `json:"ps"`
	PE      *enum             `json:"pe"`
	B       bool              `json:"b"`
	PB      *bool             `json:"pb"`
	I       int               `json:"i"`
	I8      int8              `json:"i8"`
	U       uint16            `json:"u"`
	F       float64           `json:"f"`
	PF      *float64          `json:"pf"`
	T       time.Time         `json:"t"`
	PT      *time.Time        `json:"pt"`
	Un      union             `json:"un"`
	PUn     *union            `json:"pun"`
	Raw     json.RawMessage   `json:"raw"`
	Any     any               `json:"any"`
	Anys    map[string]any    `json:"anys"`
	List    []enum            `json:"list"`
	Inners  []inner           `json:"inners"`
	PInner  *inner            `json:"pinner"`
	Inline  *struct{ X int }  `json:"inline"`
	M       map[string]inner  `json:"m"`
	MP      map[enum]*float64 `json:"mp"`
	Nested  [][]string        `json:"nested"`
	NoTag   string
	Skipped string `json:"-"`
	private string
}

// odd holds what the fast path leaves to encoding/json.
type odd struct {
	Bytes  []byte         `json:"bytes"`
	Quoted int            `json:",string"`
	Num    json.Number    `json:"num"`
	IntKey map[int]string `json:"intkey"`
	Arr    [2]int         `json:"arr"`
	inner
}

// cases are inputs, each decoded into a new kinds by both decoders.
var cases = []string{
	`{}`, `null`, ` {} `, `{"s":"a","e":"b","ps":"c","pe":"d","b":true,"pb":false,"i":-3,"i8":127,"u":7,"f":1.5e3,"pf":-0.25}`,
	`{"t":"2024-01-02T03:04:05Z","pt":"2024-01-02T03:04:05.123+02:00","un":{"a":[1,2]},"pun":"x","raw":[true,null]}`,
	`{"any":{"a":[1,"x",null,true]},"anys":{"k":1,"l":"s","m":null,"n":false,"o":[]}}`,
	`{"any":1.5}`, `{"any":"s"}`, `{"any":true}`, `{"any":false}`, `{"any":null}`, `{"any":[]}`,
	`{"list":["a","b"],"inners":[{"name":"n","count":2,"ratio":0.5},{}],"pinner":{"name":"p"},"inline":{"X":1}}`,
	`{"list":[],"inners":[],"m":{},"mp":{}}`,
	`{"list":null,"inners":null,"m":null,"mp":null,"pinner":null,"ps":null,"pb":null,"pt":null,"pun":null,"any":null}`,
	`{"s":null,"b":null,"i":null,"f":null,"t":null,"un":null,"raw":null}`,
	`{"m":{"a":{"name":"x"},"b":{}},"mp":{"k":1,"l":null},"nested":[["a"],[],null]}`,
	`{"NoTag":"x","Skipped":"y","private":"z","notag":"w"}`,
	`{"unknown":{"a":[1,{"b":"\u00e9\n"}],"c":-1e-5},"more":[true,false,null,"x",0]}`,
	`{"s":"caf\u00e9","e":"tab\there","ps":"quote\"slash\\/"}`,
	`{"s":"héllo wörld"}`, "{\"s\":\"bad \xff utf8\"}", "{\"s\":\"ctl \x01\"}", `{"s":"\ud83d\ude00 \ud800"}`,
	`{"S":"folded"}`, `{"LIST":["x"]}`, `{"Name":"x"}`, `{"ſ":"unicode fold"}`, `{"s":"a","s":"b"}`, `{"m":{"a":{},"a":{"name":"2"}}}`,
	`{"b":"true"}`, `{"s":1}`, `{"i":1.5}`, `{"i":1e2}`, `{"i8":128}`, `{"u":-1}`, `{"f":1e400}`, `{"list":{}}`, `{"m":[]}`,
	`{"pun":"refuse"}`, `{"t":"not a time"}`, `{"i":01}`, `{"f":1.}`, `{"f":.5}`, `{"f":-}`, `{"f":1e}`, `{"i":+1}`,
	`{"s":"a"} x`, `{"s":"a"`, `{"s":"a",}`, `{"s" "a"}`, `{,}`, `[]`, `"s"`, ``, ` `, `{"s":tru}`, `{"s":nul}`, `{"b":truex}`,
	`{"unknown":[1,]}`, `{"unknown":{"a"}}`, `{"unknown":"\x"}`, `{"unknown":"\u12"}`, `{"inners":[{"name":"a"} {"name":"b"}]}`,
	`{"i":9223372036854775808}`, `{"u":65536}`, `{"f":-0}`, `{"f":0e0}`, `{"pf":123456789012345678901234567890}`,
	"{\"s\":\"a\"}\n\t\r ", "\n{\n\"s\"\n:\n\"a\"\n,\n\"b\"\n:\ntrue\n}\n",
	`{"inners":[{"count":1,"count":2}]}`, `{"any":{"a":1,"a":2}}`, `{"anys":{"k":1,"k":"x"}}`,
	strings.Repeat(`{"any":`, 1200) + `1` + strings.Repeat(`}`, 1200),
	`{"nested":` + strings.Repeat(`[`, 1100) + strings.Repeat(`]`, 1100) + `}`,
}

// oddCases are inputs decoded into a new odd by both decoders.
var oddCases = []string{
	`{}`, `{"bytes":"aGk="}`, `{"Quoted":"12"}`, `{"num":1.5}`, `{"intkey":{"1":"a"}}`, `{"arr":[1,2,3]}`, `{"name":"embedded"}`,
}

// sameAsEncodingJSON decodes data into a new T with Unmarshal and with
// encoding/json, and fails unless both give the same value and error.
func sameAsEncodingJSON[T any](t *testing.T, data string) {
	t.Helper()
	var fast, std T
	errFast := Unmarshal([]byte(data), &fast)
	errStd := json.Unmarshal([]byte(data), &std)
	if fmt.Sprint(errFast) != fmt.Sprint(errStd) {
		t.Errorf("%.80q: error %v, encoding/json %v", data, errFast, errStd)
	}
	if !reflect.DeepEqual(fast, std) {
		t.Errorf("%.80q: decoded\n%+v\nencoding/json\n%+v", data, fast, std)
	}
}

func TestSameAsEncodingJSON(t *testing.T) {
	for _, c := range cases {
		sameAsEncodingJSON[kinds](t, c)
		sameAsEncodingJSON[any](t, c)
		sameAsEncodingJSON[*kinds](t, c)
		sameAsEncodingJSON[map[string]json.RawMessage](t, c)
	}
	for _, c := range oddCases {
		sameAsEncodingJSON[odd](t, c)
	}
}

// TestFastPathTaken checks which inputs the fast path decodes itself: the
// well-formed ones into the types it plans for, and none of those it must
// leave to encoding/json.
func TestFastPathTaken(t *testing.T) {
	for _, c := range []struct {
		data string
		fast bool
	}{
		{`{"s":"a","pb":true,"inners":[{"name":"n"}],"m":{"k":{}},"t":"2024-01-02T03:04:05Z","un":[1],"any":{"a":1}}`, true},
		{`{"unknown":{"a":[1,{"b":"\u00e9"}]},"s":"h\u00e9","e":"héllo"}`, true},
		{`null`, true},
		{`{"s":"a","s":"b"}`, false}, // a duplicate key
		{`{"S":"a"}`, false},         // a key matching only without regard to case
		{`{"s":1}`, false},           // a type mismatch
		{`{"s":"a"} x`, false},       // trailing data
		{`{"pun":"refuse"}`, false},  // an UnmarshalJSON error
		{"{\"s\":\"\xff\"}", true},   // invalid UTF-8: resolved by encoding/json, on the fast path
	} {
		var v kinds
		if got := tryUnmarshal([]byte(c.data), &v); got != c.fast {
			t.Errorf("%q: fast path %v, want %v", c.data, got, c.fast)
		}
		if !c.fast && !reflect.ValueOf(v).IsZero() {
			t.Errorf("%q: the value was not reset after giving up: %+v", c.data, v)
		}
	}
	var o odd
	if tryUnmarshal([]byte(`{}`), &o) {
		t.Error("a struct with an embedded field was decoded on the fast path")
	}
}

// TestNonZeroTargetIsMerged checks that a target holding values is left
// to encoding/json, which merges into it.
func TestNonZeroTargetIsMerged(t *testing.T) {
	v := kinds{S: "kept", List: []enum{"old"}}
	if err := Unmarshal([]byte(`{"e":"new"}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.S != "kept" || v.E != "new" || len(v.List) != 1 {
		t.Errorf("got %+v, want S kept, E new, List kept", v)
	}
	var nilPtr *kinds
	if err, std := Unmarshal([]byte(`{}`), nilPtr), json.Unmarshal([]byte(`{}`), nilPtr); fmt.Sprint(err) != fmt.Sprint(std) {
		t.Errorf("nil pointer: %v, encoding/json %v", err, std)
	}
	var notPointer any = kinds{} // through an interface, as go vet refuses a literal
	if err, std := Unmarshal([]byte(`{}`), notPointer), json.Unmarshal([]byte(`{}`), notPointer); fmt.Sprint(err) != fmt.Sprint(std) {
		t.Errorf("non-pointer: %v, encoding/json %v", err, std)
	}
}

// TestPointersToScalarsAreDistinct checks that the pointers handed out
// from one slab point to distinct values.
func TestPointersToScalarsAreDistinct(t *testing.T) {
	var v struct {
		Items []struct {
			B *bool   `json:"b"`
			S *string `json:"s"`
		} `json:"items"`
	}
	data := `{"items":[` + strings.TrimSuffix(strings.Repeat(`{"b":true,"s":"x"},`, 40), ",") + `]}`
	if err := Unmarshal([]byte(data), &v); err != nil {
		t.Fatal(err)
	}
	*v.Items[0].B, *v.Items[0].S = false, "changed"
	for i, it := range v.Items[1:] {
		if !*it.B || *it.S != "x" {
			t.Fatalf("item %d changed with item 0: %v %q", i+1, *it.B, *it.S)
		}
	}
}
