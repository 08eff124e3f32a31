package seam

import (
	"fmt"
	"reflect"
)

// WithParams is a per-call Option that edits the operation's generated
// request (P is gen.XxxGetParams for a GET, gen.XxxRequestBody for a POST)
// after the method has filled it from its own arguments and before it is
// checked and sent. It makes every documented parameter reachable, including
// those a hand-written method's signature does not name:
//
//	client.Devices.Get(ctx, id, seam.WithParams(func(p *gen.DevicesGetGetParams) { p.Name = seam.Ptr("Front door") }))
//	client.AccessCodes.Delete(ctx, codeID, seam.WithParams(func(b *gen.AccessCodesDeleteRequestBody) { b.DeviceId = seam.Ptr(lockID) }))
//
// The method's local rules (the access-code builders' validation) have run
// on its own arguments before the edit; what the edit sets is checked by the
// API only. A call whose request type is not P fails with ErrInvalidOptions
// before any request, and so does New given WithParams. The method never
// changes the value a caller passes as params: the edit applies to a copy.
func WithParams[P any](edit func(*P)) Option {
	name := fmt.Sprintf("WithParams[%s]", reflect.TypeFor[P]())
	if edit == nil {
		return Option{}
	}
	return Option{name: name, params: edit, apply: func(*config) error { return nil }}
}

// editParams applies the WithParams editors among opts to a copy of params
// (params itself when there is none), or refuses an editor of another type.
func editParams[PP any](params PP, opts []Option) (PP, error) {
	copied := false
	for _, o := range opts {
		if o.params == nil {
			continue
		}
		edit, ok := o.params.(func(PP))
		if !ok {
			var zero PP
			return zero, invalidOptions("%s does not apply to this call, whose request is %T", o.name, params)
		}
		if !copied {
			params, copied = copyOf(params), true
		}
		edit(params)
	}
	return params, nil
}

// withoutParams returns opts without WithParams editors, for the reads a
// method makes on its own (they have another request type).
func withoutParams(opts []Option) []Option {
	out := opts[:0:0]
	for _, o := range opts {
		if o.params == nil {
			out = append(out, o)
		}
	}
	return out
}
