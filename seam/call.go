package seam

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/seamgo/seam-go/gen"
)

// Context returns ctx carrying opts as the settings of the calls made with
// it through API(): the way to give one generated call its own timeout,
// retries or headers.
//
//	ctx, err := client.Context(ctx, seam.WithTimeout(5*time.Second))
func (c *Client) Context(ctx context.Context, opts ...Option) (context.Context, error) {
	ctx, _, err := c.begin(ctx, opts)
	return ctx, err
}

// begin starts a call: its settings (the client's with opts applied) and a
// context that carries them to the transport.
func (c *Client) begin(ctx context.Context, opts []Option) (context.Context, *config, error) {
	cfg, err := c.callConfig(opts)
	if err != nil {
		return nil, nil, err
	}
	if cfg == c.cfg {
		return ctx, cfg, nil
	}
	return c.callContext(ctx, cfg), cfg, nil
}

// decoded returns the decoded 200 body of a generated response. The
// transport already turned every non-2xx answer into an error; a 2xx answer
// without a JSON body is an error too.
func decoded[T any](json200 *T, res *http.Response) (*T, error) {
	if json200 != nil {
		return json200, nil
	}
	status, contentType, path := 0, "", ""
	if res != nil {
		status, contentType = res.StatusCode, res.Header.Get("Content-Type")
		if res.Request != nil && res.Request.URL != nil {
			path = res.Request.URL.Path
		}
	}
	return nil, fmt.Errorf("seam: %s: unexpected answer: status %d, content type %q", path, status, contentType)
}

// required checks a required string parameter before any request is sent.
func required(param, value string) error {
	if value == "" {
		return &ValidationError{Param: param, Rule: "is required"}
	}
	return nil
}

// callConfig returns the settings of one call: a copy of the client's
// settings with opts applied. Options that only New accepts give an error.
func (c *Client) callConfig(opts []Option) (*config, error) {
	if len(opts) == 0 {
		return c.cfg, nil
	}
	cfg := c.cfg.clone()
	if err := cfg.applyOptions(opts, true); err != nil {
		return nil, err
	}
	return cfg, nil
}

// callContext returns ctx carrying cfg, the settings of one call, for the
// client's transport to apply to every request made with the returned
// context. Other clients' transports ignore it.
func (c *Client) callContext(ctx context.Context, cfg *config) context.Context {
	return context.WithValue(ctx, callConfigKey{}, callConfigValue{owner: c.transport, cfg: cfg})
}

// callConfigKey is the context key of a callConfigValue.
type callConfigKey struct{}

// callConfigValue is the settings of one call, and the transport they are
// meant for.
type callConfigValue struct {
	owner *transport
	cfg   *config
}

// configFor returns the settings for a request made with ctx: those of the
// call when ctx carries some for this transport, else the client's.
func (t *transport) configFor(ctx context.Context) *config {
	if v, ok := ctx.Value(callConfigKey{}).(callConfigValue); ok && v.owner == t && v.cfg != nil {
		return v.cfg
	}
	return t.base
}

// endpoint describes one operation to the call helpers.
type endpoint struct {
	// path is the operation's path, for errors.
	path string
	// required lists the parameters the operation requires: a nil params
	// (or body) is refused when there are some, and an empty string in
	// one of them always is, before any request is sent.
	required []string
	// key is the x-response-key of the answer ("" when the answer has no
	// result of its own).
	key string
	// empty is set when the 200 answer has no body.
	empty bool
}

// sendFunc sends one operation through the generated client with params,
// a pointer to the operation's parameters or body.
type sendFunc[PP any] func(ctx context.Context, params PP, editors ...gen.RequestEditorFn) (*http.Response, error)

// byValue adapts a generated method that takes its JSON body by value.
func byValue[P any](f func(context.Context, P, ...gen.RequestEditorFn) (*http.Response, error)) sendFunc[*P] {
	return func(ctx context.Context, p *P, editors ...gen.RequestEditorFn) (*http.Response, error) {
		return f(ctx, *p, editors...)
	}
}

// noParams adapts a generated method that takes no parameters.
func noParams(f func(context.Context, ...gen.RequestEditorFn) (*http.Response, error)) sendFunc[*struct{}] {
	return func(ctx context.Context, _ *struct{}, editors ...gen.RequestEditorFn) (*http.Response, error) {
		return f(ctx, editors...)
	}
}

// The call helpers below are generic over POINTER types (PP: a pointer to
// the parameters or body, BP: a pointer to the decoded answer, T: the
// result, mostly a pointer too). The compiler builds one instance of a
// generic function per "shape" of its type arguments, and all pointer
// types share one shape: so the ~180 generated methods share a handful of
// instances instead of compiling one each, which keeps the build of seam/
// fast. What needs the pointed-to type (allocating, copying) goes through
// reflect, once per call.

// newOf returns a pointer to a new zero value, for a pointer type PP.
func newOf[PP any]() PP {
	var zero PP
	return reflect.New(reflect.TypeOf(zero).Elem()).Interface().(PP)
}

// copyOf returns a pointer to a copy of *p, or to a zero value when p is
// nil, for a pointer type PP.
func copyOf[PP any](p PP) PP {
	q := newOf[PP]()
	if v := reflect.ValueOf(p); !v.IsNil() {
		reflect.ValueOf(q).Elem().Set(v.Elem())
	}
	return q
}

// isNil reports whether the pointer p is nil.
func isNil(p any) bool {
	v := reflect.ValueOf(p)
	return !v.IsValid() || v.Kind() == reflect.Pointer && v.IsNil()
}

// call is the one call path of every service method: check the
// parameters, start the call (begin), send it through the generated
// client, and decode the 200 answer. It returns the call's context and
// settings for what follows (waiting for an action attempt). A nil params
// means no parameters.
func call[PP, BP any](c *Client, ctx context.Context, opts []Option, e endpoint, params PP, send sendFunc[PP]) (context.Context, *config, BP, error) {
	var zero BP
	if isNil(params) {
		if len(e.required) > 0 {
			return nil, nil, zero, &ValidationError{Param: e.required[0], Rule: "is required (params is nil)"}
		}
		params = newOf[PP]()
	}
	params, err := editParams(params, opts)
	if err != nil {
		return nil, nil, zero, err
	}
	if err := checkRequired(params, e.required); err != nil {
		return nil, nil, zero, err
	}
	ctx, cfg, err := c.begin(ctx, opts)
	if err != nil {
		return nil, nil, zero, err
	}
	res, err := send(ctx, params)
	if err != nil {
		return nil, nil, zero, err
	}
	body := newOf[BP]()
	if err := decode(res, e, body); err != nil {
		return nil, nil, zero, err
	}
	return ctx, cfg, body, nil
}

// decode reads and closes the answer and decodes its JSON 200 body into
// body. The transport already turned every non-2xx answer into an error;
// another 2xx answer, or one without a JSON body, is an error too (see
// decoded).
func decode(res *http.Response, e endpoint, body any) error {
	data, err := responseBytes(res)
	if err != nil {
		return decodeError(res, fmt.Errorf("reading the body: %w", err))
	}
	if e.empty && res.StatusCode == http.StatusOK {
		return nil
	}
	if res.StatusCode == http.StatusOK && strings.Contains(res.Header.Get("Content-Type"), "json") {
		if err := unmarshal(data, body); err != nil {
			return decodeError(res, err)
		}
		return nil
	}
	_, err = decoded[struct{}](nil, res)
	return err
}

// decodeError describes a 2xx answer whose body could not be read or
// decoded: a *DecodeError naming the request and its request id.
func decodeError(res *http.Response, err error) error {
	d := &DecodeError{Method: http.MethodGet, StatusCode: res.StatusCode, RequestID: res.Header.Get("Seam-Request-Id"), Err: err}
	if req := res.Request; req != nil {
		if req.Method != "" {
			d.Method = req.Method
		}
		if req.URL != nil {
			d.Path = req.URL.Path
		}
	}
	return d
}

// checkRequired refuses an empty string in a required parameter of params
// (a pointer to a struct, by its JSON names).
func checkRequired(params any, required []string) error {
	if len(required) == 0 {
		return nil
	}
	v := reflect.ValueOf(params).Elem()
	if v.Kind() != reflect.Struct {
		return nil
	}
	for _, f := range stringFieldsOf(v.Type()) {
		if v.Field(f.index).Len() == 0 && slices.Contains(required, f.name) {
			return &ValidationError{Param: f.name, Rule: "is required"}
		}
	}
	return nil
}

// namedField is a struct field and its JSON name.
type namedField struct {
	index int
	name  string
}

// stringFields caches stringFieldsOf: derived, immutable data per type,
// as encoding/json caches its field lists.
var stringFields sync.Map // reflect.Type → []namedField

// stringFieldsOf returns the string fields of the struct type t that have
// a JSON name, in order.
func stringFieldsOf(t reflect.Type) []namedField {
	if fs, ok := stringFields.Load(t); ok {
		return fs.([]namedField)
	}
	var fs []namedField
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if sf.Type.Kind() == reflect.String && name != "" {
			fs = append(fs, namedField{index: i, name: name})
		}
	}
	cached, _ := stringFields.LoadOrStore(t, fs)
	return cached.([]namedField)
}

// value calls an operation and returns the result pick takes out of the
// answer (its x-response-key). A nil pointer result is an error.
func value[PP, BP, T any](c *Client, ctx context.Context, opts []Option, e endpoint, params PP, send sendFunc[PP], pick func(BP) T) (T, error) {
	var zero T
	_, _, body, err := call[PP, BP](c, ctx, opts, e, params, send)
	if err != nil {
		return zero, err
	}
	v := pick(body)
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return zero, fmt.Errorf("seam: %s: the answer has no %s", e.path, e.key)
	}
	return v, nil
}

// run calls an operation whose answer carries no result.
func run[PP any](c *Client, ctx context.Context, opts []Option, e endpoint, params PP, send sendFunc[PP]) error {
	_, _, _, err := call[PP, *struct{}](c, ctx, opts, e, params, send)
	return err
}

// attempt calls an operation that answers with an action attempt, and
// waits for it when the call's settings say so (see Client.maybeWait).
func attempt[PP, BP any](c *Client, ctx context.Context, opts []Option, e endpoint, params PP, send sendFunc[PP], pick func(BP) *gen.ActionAttempt) (*gen.ActionAttempt, error) {
	ctx, cfg, body, err := call[PP, BP](c, ctx, opts, e, params, send)
	if err != nil {
		return nil, err
	}
	return c.maybeWait(ctx, cfg, pick(body))
}

// valueWaiting calls an operation whose answer has a result and an action
// attempt: it waits for the attempt as attempt does, and returns the
// result (with the attempt's error, if any).
func valueWaiting[PP, BP, T any](c *Client, ctx context.Context, opts []Option, e endpoint, params PP, send sendFunc[PP], pick func(BP) T, attemptOf func(BP) *gen.ActionAttempt) (T, error) {
	var zero T
	ctx, cfg, body, err := call[PP, BP](c, ctx, opts, e, params, send)
	if err != nil {
		return zero, err
	}
	if a := presentAttempt(attemptOf(body)); a != nil {
		if _, err := c.maybeWait(ctx, cfg, a); err != nil {
			return pick(body), err
		}
	}
	return pick(body), nil
}

// deref returns *p, or the zero value when p is nil.
func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// Ptr returns a pointer to v, for the optional fields of generated
// parameter types:
//
//	params := &gen.DevicesListGetParams{Limit: seam.Ptr(10.0)}
func Ptr[T any](v T) *T { return &v }

// presentAttempt returns a, or nil when the answer carried no attempt.
func presentAttempt(a *gen.ActionAttempt) *gen.ActionAttempt {
	raw, err := a.MarshalJSON()
	if err != nil {
		return nil
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil
	}
	return a
}
