package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"strings"
	"time"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/internal/servicegen"
	"github.com/seamgo/seam-go/seam"
)

// How the test calls seam: the method of the path (the naming rule of
// docs/conventions.md), found by reflection over the client's services.
//
//   - func(ctx, ...Option): called with ctx.
//   - func(ctx, *P, ...Option) with P a generated params type
//     (gen.XxxRequestBody / gen.XxxGetParams): the input is unmarshalled
//     into a new P, refusing fields P does not have.
//   - func(ctx, string, ...X) (a hand-written convenience taking an id):
//     called with the input's one id; the input of both SDKs is cut down to
//     that id (idKeys names it where the spec requires no single parameter).
//   - anything else: an entry of adapters.
//
// When a hand-written method changes signature (branch rooms makes several
// take their full params), the rules above pick the new signature up by
// themselves; an adapter whose function type no longer matches is skipped
// (reported as "adapter out of date") and can be deleted.

// idKeys names the id an id-only convenience takes, where the spec does not
// require exactly one parameter.
var idKeys = map[string]string{
	"/devices/get":                "device_id",
	"/locks/get":                  "device_id",
	"/access_codes/get":           "access_code_id",
	"/access_codes/unmanaged/get": "access_code_id",
	"/client_sessions/get":        "client_session_id",
	"/connected_accounts/get":     "connected_account_id",
	"/events/get":                 "event_id",
}

// inputAdditions are parameters added to the generated input where the
// API needs one of several optional ones that the spec cannot mark as
// required (seam checks them locally; the JS SDK sends what it is given).
var inputAdditions = map[string]map[string]any{
	"/events/list": {"since": sampleDateTime},
}

// adapter calls a hand-written method whose signature no rule covers.
type adapter struct {
	// input is the part of the generated input the method can express (it
	// is also what the JS SDK is given).
	input func(generated map[string]any) map[string]any
	// sig is the method's type the adapter is written for. When the method
	// has another type (its signature changed), the adapter is not used and
	// the rules above apply; the test logs that the entry can go.
	sig reflect.Type
	// call calls the method (fn is the method value) with that input; it
	// reports false when fn does not have the type sig.
	call func(ctx context.Context, fn any, in map[string]any) (any, error, bool)
}

// adapters is the one table of hand-written methods that need one. Each
// call reports false when fn's type is not the one the adapter expects.
var adapters = map[string]adapter{
	"/access_codes/create": {
		sig: reflect.TypeFor[func(context.Context, string, ...seam.AccessCodeOption) (*gen.AccessCode, error)](),
		input: func(map[string]any) map[string]any {
			return map[string]any{"device_id": "device_id_value", "name": "Front door", "code": "123456"}
		},
		call: func(ctx context.Context, fn any, in map[string]any) (any, error, bool) {
			f, ok := fn.(func(context.Context, string, ...seam.AccessCodeOption) (*gen.AccessCode, error))
			if !ok {
				return nil, nil, false
			}
			v, err := f(ctx, str(in["device_id"]), seam.WithCodeName(str(in["name"])), seam.WithCode(str(in["code"])))
			return v, err, true
		},
	},
	"/access_codes/create_multiple": {
		sig: reflect.TypeFor[func(context.Context, []string, ...seam.AccessCodeOption) ([]gen.AccessCode, error)](),
		input: func(map[string]any) map[string]any {
			return map[string]any{"device_ids": []any{"device_id_1", "device_id_2"}, "name": "Front door"}
		},
		call: func(ctx context.Context, fn any, in map[string]any) (any, error, bool) {
			f, ok := fn.(func(context.Context, []string, ...seam.AccessCodeOption) ([]gen.AccessCode, error))
			if !ok {
				return nil, nil, false
			}
			var ids []string
			for _, id := range in["device_ids"].([]any) {
				ids = append(ids, str(id))
			}
			v, err := f(ctx, ids, seam.WithCodeName(str(in["name"])))
			return v, err, true
		},
	},
	"/access_codes/update": {
		sig: reflect.TypeFor[func(context.Context, string, ...seam.AccessCodeOption) (*gen.ActionAttempt, error)](),
		input: func(map[string]any) map[string]any {
			return map[string]any{"access_code_id": "access_code_id_value", "name": "Back door", "starts_at": sampleDateTime, "ends_at": sampleEndDateTime}
		},
		call: func(ctx context.Context, fn any, in map[string]any) (any, error, bool) {
			f, ok := fn.(func(context.Context, string, ...seam.AccessCodeOption) (*gen.ActionAttempt, error))
			if !ok {
				return nil, nil, false
			}
			v, err := f(ctx, str(in["access_code_id"]), seam.WithCodeName(str(in["name"])), seam.TimeBound(parseTime(in["starts_at"]), parseTime(in["ends_at"])))
			return v, err, true
		},
	},
	"/access_codes/update_multiple": {
		sig: reflect.TypeFor[func(context.Context, string, ...seam.AccessCodeOption) error](),
		input: func(map[string]any) map[string]any {
			return map[string]any{"common_code_key": "common_code_key_value", "name": "Back door"}
		},
		call: func(ctx context.Context, fn any, in map[string]any) (any, error, bool) {
			f, ok := fn.(func(context.Context, string, ...seam.AccessCodeOption) error)
			if !ok {
				return nil, nil, false
			}
			return nil, f(ctx, str(in["common_code_key"]), seam.WithCodeName(str(in["name"]))), true
		},
	},
	"/access_codes/report_device_constraints": {
		sig: reflect.TypeFor[func(context.Context, string, seam.CodeLengthConstraints, ...seam.Option) error](),
		input: func(map[string]any) map[string]any {
			return map[string]any{"device_id": "device_id_value", "min_code_length": 4.0, "max_code_length": 8.0}
		},
		call: func(ctx context.Context, fn any, in map[string]any) (any, error, bool) {
			f, ok := fn.(func(context.Context, string, seam.CodeLengthConstraints, ...seam.Option) error)
			if !ok {
				return nil, nil, false
			}
			c := seam.CodeLengthConstraints{Min: int(in["min_code_length"].(float64)), Max: int(in["max_code_length"].(float64))}
			return nil, f(ctx, str(in["device_id"]), c), true
		},
	},
	"/access_codes/simulate/create_unmanaged_access_code": {
		sig: reflect.TypeFor[func(context.Context, string, string, string, ...seam.Option) (*gen.UnmanagedAccessCode, error)](),
		input: func(map[string]any) map[string]any {
			return map[string]any{"device_id": "device_id_value", "name": "Old code", "code": "123456"}
		},
		call: func(ctx context.Context, fn any, in map[string]any) (any, error, bool) {
			f, ok := fn.(func(context.Context, string, string, string, ...seam.Option) (*gen.UnmanagedAccessCode, error))
			if !ok {
				return nil, nil, false
			}
			v, err := f(ctx, str(in["device_id"]), str(in["name"]), str(in["code"]))
			return v, err, true
		},
	},
}

func parseTime(v any) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, str(v))
	return t
}

func str(v any) string { s, _ := v.(string); return s }

// goCall is how the test calls one operation through seam.
type goCall struct {
	fn    reflect.Value
	input map[string]any // what both SDKs are given
	kind  string         // "params", "none", "id", "adapter"
	idKey string
	adapt adapter
	note  string // a hint for the test log
}

var (
	ctxType    = reflect.TypeFor[context.Context]()
	stringType = reflect.TypeFor[string]()
)

// methodOf finds the service method of o on c.
func methodOf(c *seam.Client, o servicegen.Operation) (reflect.Value, error) {
	v := reflect.ValueOf(c.Services)
	for _, name := range o.Service {
		f := reflect.Indirect(v).FieldByName(name)
		if !f.IsValid() || f.IsNil() {
			return reflect.Value{}, fmt.Errorf("no service %s", strings.Join(o.Service, "."))
		}
		v = f
	}
	m := v.MethodByName(o.Name)
	if !m.IsValid() {
		return reflect.Value{}, fmt.Errorf("no method %s", o.Qualified())
	}
	return m, nil
}

// plan decides how to call o and what input both SDKs get.
func planGoCall(c *seam.Client, o servicegen.Operation, generated map[string]any) (goCall, error) {
	fn, err := methodOf(c, o)
	if err != nil {
		return goCall{}, err
	}
	if add, ok := inputAdditions[o.Path]; ok {
		generated = maps.Clone(generated)
		maps.Copy(generated, add)
	}
	t := fn.Type()
	if t.NumIn() < 1 || t.In(0) != ctxType || !t.IsVariadic() {
		return goCall{}, fmt.Errorf("%s: unexpected signature %s", o.Qualified(), t)
	}
	var note string
	if a, ok := adapters[o.Path]; ok {
		if t == a.sig {
			return goCall{fn: fn, input: a.input(generated), kind: "adapter", adapt: a}, nil
		}
		note = fmt.Sprintf("%s is now %s: its entry in adapters is out of date (delete it)", o.Qualified(), t)
	}
	g, err := planByRule(o, fn, generated)
	g.note = note
	return g, err
}

// planByRule applies the reflection rules (see the top of this file).
func planByRule(o servicegen.Operation, fn reflect.Value, generated map[string]any) (goCall, error) {
	t := fn.Type()
	switch {
	case t.NumIn() == 2:
		return goCall{fn: fn, input: nil, kind: "none"}, nil
	case t.NumIn() == 3 && t.In(1).Kind() == reflect.Pointer && t.In(1).Elem().Kind() == reflect.Struct:
		return goCall{fn: fn, input: generated, kind: "params"}, nil
	case t.NumIn() == 3 && t.In(1) == stringType:
		key := idKeys[o.Path]
		if key == "" && len(o.Required) == 1 {
			key = o.Required[0]
		}
		if key == "" {
			return goCall{}, fmt.Errorf("%s takes an id, but the spec requires %v: add it to idKeys", o.Qualified(), o.Required)
		}
		id, ok := generated[key]
		if !ok {
			id = key + "_value"
		}
		return goCall{fn: fn, input: map[string]any{key: id}, kind: "id", idKey: key}, nil
	}
	return goCall{}, fmt.Errorf("%s: signature %s needs an entry in adapters", o.Qualified(), t)
}

// call calls the method and returns its value (nil when it returns only
// an error) and its error.
func (g goCall) call(ctx context.Context) (any, error) {
	t := g.fn.Type()
	var args []reflect.Value
	switch g.kind {
	case "adapter":
		v, err, ok := g.adapt.call(ctx, g.fn.Interface(), g.input)
		if !ok {
			return nil, fmt.Errorf("adapter out of date: the method is now %s (delete its entry in adapters)", t)
		}
		return v, err
	case "none":
		args = []reflect.Value{reflect.ValueOf(ctx)}
	case "params":
		p := reflect.New(t.In(1).Elem())
		raw, err := json.Marshal(g.input)
		if err != nil {
			return nil, err
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(p.Interface()); err != nil {
			return nil, fmt.Errorf("input does not fit %s: %w", t.In(1), err)
		}
		args = []reflect.Value{reflect.ValueOf(ctx), p}
	case "id":
		args = []reflect.Value{reflect.ValueOf(ctx), reflect.ValueOf(str(g.input[g.idKey]))}
	}
	out := g.fn.Call(args)
	errV := out[len(out)-1]
	var err error
	if !errV.IsNil() {
		err = errV.Interface().(error)
	}
	if len(out) == 1 {
		return nil, err
	}
	return out[0].Interface(), err
}

// pageItems returns the items of a *seam.Page[T] (the value a paginated
// List returns), or v itself.
func pageItems(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().Kind() == reflect.Struct &&
		strings.HasPrefix(rv.Elem().Type().Name(), "Page[") {
		return rv.Elem().FieldByName("Items").Interface()
	}
	return v
}
