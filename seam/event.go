package seam

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/seamgo/seam-go/gen"
)

// ErrInvalidEvent is matched (errors.Is) by the error ParseEvent returns for
// a body that is not an event: not a JSON object, no event_type or
// event_id, a malformed common field, or a known event type whose fields do
// not match the spec. An event type the spec does not know is not an error.
var ErrInvalidEvent = errors.New("seam: invalid event")

// Event is a Seam event, the same whether it was pushed by a webhook
// (package seam/webhook) or pulled with Events.Get or Events.List.
//
// The fields every event type has are decoded into Event itself. Data holds
// the event typed by its event_type, as the generated member of the
// gen.Event union: gen.EventLockUnlocked for "lock.unlocked",
// gen.EventAccessCodeSetOnDevice for "access_code.set_on_device" and so
// on, with all their fields. Switch on it:
//
//	switch e := ev.Data.(type) {
//	case gen.EventLockUnlocked:
//		fmt.Println("unlocked", ev.DeviceID, e.Method)
//	case gen.EventAccessCodeSetOnDevice:
//		fmt.Println("code set", e.AccessCodeId)
//	default:
//		// another type, or one newer than this SDK: ev.Type, ev.Raw
//	}
//
// Seam adds event types often. An event whose type this SDK's spec does not
// know is not an error: Data is nil, Known reports false, and the common
// fields and Raw are set.
type Event struct {
	// ID is event_id.
	ID string
	// Type is event_type, e.g. "lock.unlocked".
	Type string
	// WorkspaceID is workspace_id.
	WorkspaceID string
	// DeviceID is device_id, or "" for an event about no device.
	DeviceID string
	// ConnectedAccountID is connected_account_id, or "" when absent.
	ConnectedAccountID string
	// OccurredAt is occurred_at: when the event happened.
	OccurredAt time.Time
	// CreatedAt is created_at: when Seam recorded the event.
	CreatedAt time.Time
	// Data is the typed event (a gen.Event… struct value, not a pointer),
	// or nil when the type is unknown to this SDK.
	Data any
	// Raw is the event's JSON as received.
	Raw json.RawMessage
}

// Known reports whether the event's type is one this SDK's spec knows, that
// is whether Data holds the typed event.
func (e Event) Known() bool { return e.Data != nil }

// MarshalJSON returns the event's JSON as received (Raw), so that an Event
// can be stored or forwarded unchanged.
func (e Event) MarshalJSON() ([]byte, error) {
	if len(e.Raw) == 0 {
		return []byte("null"), nil
	}
	return e.Raw, nil
}

// UnmarshalJSON decodes an event with ParseEvent.
func (e *Event) UnmarshalJSON(raw []byte) error {
	ev, err := ParseEvent(raw)
	if err != nil {
		return err
	}
	*e = ev
	return nil
}

// eventCommon holds the fields every event type has.
type eventCommon struct {
	EventID            *string    `json:"event_id"`
	EventType          *string    `json:"event_type"`
	WorkspaceID        *string    `json:"workspace_id"`
	DeviceID           *string    `json:"device_id"`
	ConnectedAccountID *string    `json:"connected_account_id"`
	OccurredAt         *time.Time `json:"occurred_at"`
	CreatedAt          *time.Time `json:"created_at"`
}

// ParseEvent decodes one event from its JSON, as a webhook delivers it or
// as /events/get returns it under "event". It never fails because of an
// unknown event type (see Event); it fails, with an error matching
// ErrInvalidEvent, when raw is not a JSON object, lacks event_id or
// event_type, has a common field of the wrong type, or is a known type
// whose fields do not decode. raw is copied.
func ParseEvent(raw []byte) (Event, error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return Event{}, fmt.Errorf("%w: not a JSON object", ErrInvalidEvent)
	}
	return parseEvent(bytes.Clone(trimmed))
}

// parseEvent decodes the event raw (a JSON object, kept as the event's
// Raw, not copied): the common fields, which name the event type, then the
// typed member of that type, decoded from raw directly with encoding/json
// as gen.Event's As… methods decode it. Nothing is decoded twice, copied
// through the generated union or re-encoded, so Data holds exactly what the
// answer carries.
func parseEvent(raw json.RawMessage) (Event, error) {
	var c eventCommon
	if err := unmarshal(raw, &c); err != nil {
		return Event{}, fmt.Errorf("%w: %w", ErrInvalidEvent, err)
	}
	if c.EventType == nil || *c.EventType == "" {
		return Event{}, fmt.Errorf("%w: event_type is missing", ErrInvalidEvent)
	}
	if c.EventID == nil || *c.EventID == "" {
		return Event{}, fmt.Errorf("%w: event_id is missing (event_type %q)", ErrInvalidEvent, *c.EventType)
	}
	ev := Event{
		ID:                 *c.EventID,
		Type:               *c.EventType,
		WorkspaceID:        deref(c.WorkspaceID),
		DeviceID:           deref(c.DeviceID),
		ConnectedAccountID: deref(c.ConnectedAccountID),
		OccurredAt:         deref(c.OccurredAt),
		CreatedAt:          deref(c.CreatedAt),
		Raw:                raw,
	}
	typ, err := eventMemberType(ev.Type)
	if err != nil {
		return Event{}, fmt.Errorf("%w: %s %s: %w", ErrInvalidEvent, ev.Type, ev.ID, err)
	}
	if typ == nil {
		// A type newer than the spec: common fields and Raw only.
		return ev, nil
	}
	member := reflect.New(typ)
	if err := unmarshal(raw, member.Interface()); err != nil {
		return Event{}, fmt.Errorf("%w: %s %s: %w", ErrInvalidEvent, ev.Type, ev.ID, err)
	}
	ev.Data = member.Elem().Interface()
	return ev, nil
}

// eventMemberTypes caches eventMemberType for the event types the spec
// knows (at most one entry per member of gen.Event; unknown types, which
// come from the network, are not kept).
var eventMemberTypes sync.Map // string → reflect.Type

// eventMemberType returns the Go type of gen.Event's member for eventType
// (gen.EventLockUnlocked for "lock.unlocked"), or nil when the spec has no
// such member. The union's own dispatch (ValueByDiscriminator) says which
// member a type is, once per type, on an event carrying nothing else.
func eventMemberType(eventType string) (reflect.Type, error) {
	if t, ok := eventMemberTypes.Load(eventType); ok {
		return t.(reflect.Type), nil
	}
	probe, err := json.Marshal(map[string]string{"event_type": eventType})
	if err != nil {
		return nil, err
	}
	var union gen.Event
	if err := union.UnmarshalJSON(probe); err != nil {
		return nil, err
	}
	v, err := union.ValueByDiscriminator()
	switch {
	case err == nil:
	case isUnknownDiscriminator(err):
		return nil, nil
	default:
		return nil, err
	}
	t := reflect.TypeOf(v)
	eventMemberTypes.Store(eventType, t)
	return t, nil
}

// isUnknownDiscriminator reports whether err is the error a generated
// union's ValueByDiscriminator returns for a discriminator value it has no
// member for (oapi-codegen's union template), as opposed to an error
// decoding a known member. TestParseEventUnknownType pins the message.
func isUnknownDiscriminator(err error) bool {
	return strings.HasPrefix(err.Error(), "unknown discriminator value: ")
}

// parseEvents decodes the events of a list answer, each once.
func parseEvents(in []json.RawMessage) ([]Event, error) {
	out := make([]Event, 0, len(in))
	for _, raw := range in {
		if len(raw) == 0 || raw[0] != '{' {
			return nil, fmt.Errorf("%w: not a JSON object", ErrInvalidEvent)
		}
		ev, err := parseEvent(raw)
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, nil
}
