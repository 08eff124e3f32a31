package webhook_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
	"github.com/seamgo/seam-go/seam/webhook"
)

// The tests sign deliveries themselves, from Svix's documented scheme, not
// with the Svix library: the secret is "whsec_" + base64(key); the
// signature is "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "." +
// body)); svix-signature holds one or more of them, space-separated.

// testKey is the endpoint key; testSecret is how Seam shows it.
var (
	testKey    = []byte("0123456789abcdef0123456789abcdef")
	testSecret = "whsec_" + base64.StdEncoding.EncodeToString(testKey)
)

// testNow is the tests' clock.
var testNow = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)

// sign returns the v1 signature of a delivery.
func sign(key []byte, id string, timestamp string, body []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + timestamp + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// delivery is one webhook request.
type delivery struct {
	id, timestamp, signature string
	body                     []byte
}

// headers returns the delivery's svix-* headers; empty ones are left out.
func (d delivery) headers() http.Header {
	h := http.Header{}
	for name, v := range map[string]string{"Svix-Id": d.id, "Svix-Timestamp": d.timestamp, "Svix-Signature": d.signature} {
		if v != "" {
			h.Set(name, v)
		}
	}
	return h
}

// unlockBody is a lock.unlocked event as Seam delivers it.
const unlockBody = `{"event_id":"8f1c2a5e-0d7b-4e59-9c1e-1d5b7a3c9e01","event_type":"lock.unlocked",` +
	`"workspace_id":"ws_1","device_id":"front_door","connected_account_id":"ca_1","method":"keycode",` +
	`"access_code_id":"ac_1","occurred_at":"2026-11-30T09:59:58.120Z","created_at":"2026-11-30T09:59:59.000Z"}`

// signedAt returns a delivery of body signed with key at t.
func signedAt(key []byte, t time.Time, body string) delivery {
	id := "msg_2Qb5xT9wz0"
	ts := strconv.FormatInt(t.Unix(), 10)
	return delivery{id: id, timestamp: ts, signature: sign(key, id, ts, []byte(body)), body: []byte(body)}
}

// newTestVerifier returns a verifier for testSecret on the test clock.
func newTestVerifier(t *testing.T, opts ...webhook.VerifierOption) *webhook.Verifier {
	t.Helper()
	v, err := webhook.NewVerifier(testSecret, append([]webhook.VerifierOption{webhook.WithClock(func() time.Time { return testNow })}, opts...)...)
	require.NoError(t, err)
	return v
}

// sentinels are the errors Verify can match; each failure matches one.
var sentinels = []error{
	webhook.ErrInvalidSecret, webhook.ErrMissingHeader, webhook.ErrInvalidHeader,
	webhook.ErrTimestampExpired, webhook.ErrSignatureMismatch, webhook.ErrInvalidPayload,
}

// assertOnly checks that err matches want and no other sentinel, and does
// not contain the secret.
func assertOnly(t *testing.T, err, want error) {
	t.Helper()
	require.ErrorIs(t, err, want)
	for _, s := range sentinels {
		if s != want {
			assert.NotErrorIs(t, err, s)
		}
	}
	assertNoSecret(t, err.Error())
}

// assertNoSecret checks that s contains neither the secret nor its key.
func assertNoSecret(t *testing.T, s string) {
	t.Helper()
	assert.NotContains(t, s, strings.TrimPrefix(testSecret, "whsec_"))
	assert.NotContains(t, s, string(testKey))
}

func TestVerifyValid(t *testing.T) {
	v := newTestVerifier(t)
	d := signedAt(testKey, testNow.Add(-2*time.Second), unlockBody)
	ev, err := v.Verify(d.headers(), d.body)
	require.NoError(t, err)
	unlocked, ok := ev.Data.(gen.EventLockUnlocked)
	require.True(t, ok, "Data is %T", ev.Data)
	assert.Equal(t, gen.EventLockUnlockedMethodKeycode, unlocked.Method)
	assert.Equal(t, "ac_1", *unlocked.AccessCodeId)
	assert.Equal(t, "front_door", ev.DeviceID)
	assert.Equal(t, "lock.unlocked", ev.Type)
	assert.Equal(t, "8f1c2a5e-0d7b-4e59-9c1e-1d5b7a3c9e01", ev.ID)
	assert.Equal(t, unlockBody, string(ev.Raw))

	// Header names are case-insensitive, as HTTP has them.
	lower := http.Header{"svix-id": {d.id}, "svix-timestamp": {d.timestamp}, "svix-signature": {d.signature}}
	h := http.Header{}
	for k, vs := range lower {
		h.Set(k, vs[0])
	}
	_, err = v.Verify(h, d.body)
	assert.NoError(t, err)

	// The bare base64 key is accepted too, as Svix does.
	bare, err := webhook.NewVerifier(strings.TrimPrefix(testSecret, "whsec_"), webhook.WithClock(func() time.Time { return testNow }))
	require.NoError(t, err)
	_, err = bare.Verify(d.headers(), d.body)
	assert.NoError(t, err)
}

func TestVerifyUnknownEventType(t *testing.T) {
	body := `{"event_id":"e42","event_type":"drone.landed","workspace_id":"ws_1","device_id":"roof",` +
		`"occurred_at":"2026-11-30T09:59:00Z","created_at":"2026-11-30T09:59:01Z","altitude_m":0}`
	d := signedAt(testKey, testNow, body)
	ev, err := newTestVerifier(t).Verify(d.headers(), d.body)
	require.NoError(t, err, "an event type newer than the spec is not an error")
	assert.False(t, ev.Known())
	assert.Nil(t, ev.Data)
	assert.Equal(t, "drone.landed", ev.Type)
	assert.Equal(t, "e42", ev.ID)
	assert.Equal(t, "ws_1", ev.WorkspaceID)
	assert.Equal(t, "roof", ev.DeviceID)
	assert.Equal(t, time.Date(2026, 11, 30, 9, 59, 0, 0, time.UTC), ev.OccurredAt.UTC())
	assert.Equal(t, body, string(ev.Raw))
}

func TestVerifyRejects(t *testing.T) {
	good := signedAt(testKey, testNow.Add(-time.Minute), unlockBody)
	otherKey := []byte("another endpoint's key, 32 bytes")
	tests := []struct {
		name string
		d    func() delivery
		want error
		msg  string
	}{
		{"tampered body", func() delivery {
			d := good
			d.body = []byte(strings.Replace(unlockBody, "front_door", "back_door!", 1))
			return d
		}, webhook.ErrSignatureMismatch, "no v1 signature"},
		{"body with a trailing newline", func() delivery { d := good; d.body = append([]byte(unlockBody), '\n'); return d },
			webhook.ErrSignatureMismatch, "svix-signature"},
		{"tampered id", func() delivery { d := good; d.id = "msg_2Qb5xT9wz1"; return d }, webhook.ErrSignatureMismatch, "msg_2Qb5xT9wz1"},
		{"tampered timestamp", func() delivery {
			d := good
			d.timestamp = strconv.FormatInt(testNow.Add(-time.Minute).Unix()+1, 10)
			return d
		}, webhook.ErrSignatureMismatch, "no v1 signature"},
		{"other secret", func() delivery { return signedAt(otherKey, testNow, unlockBody) }, webhook.ErrSignatureMismatch, "no v1 signature"},
		{"signature of another version", func() delivery {
			d := good
			d.signature = "v2," + strings.TrimPrefix(d.signature, "v1,")
			return d
		}, webhook.ErrSignatureMismatch, "no v1 signature"},
		{"several signatures, none valid", func() delivery {
			d := good
			d.signature = sign(otherKey, d.id, d.timestamp, d.body) + " v1,AAAA " + "garbage"
			return d
		}, webhook.ErrSignatureMismatch, "no v1 signature"},
		{"signature without comma", func() delivery { d := good; d.signature = "v1"; return d }, webhook.ErrSignatureMismatch, "no v1 signature"},
		{"expired", func() delivery { return signedAt(testKey, testNow.Add(-5*time.Minute-time.Second), unlockBody) },
			webhook.ErrTimestampExpired, "5m1s old, more than 5m0s"},
		{"a day old", func() delivery { return signedAt(testKey, testNow.Add(-24*time.Hour), unlockBody) },
			webhook.ErrTimestampExpired, "24h0m0s old"},
		{"in the future", func() delivery { return signedAt(testKey, testNow.Add(5*time.Minute+time.Second), unlockBody) },
			webhook.ErrTimestampExpired, "5m1s in the future"},
		{"timestamp in milliseconds", func() delivery {
			id, ts := "msg_1", strconv.FormatInt(testNow.UnixMilli(), 10)
			return delivery{id: id, timestamp: ts, signature: sign(testKey, id, ts, []byte(unlockBody)), body: []byte(unlockBody)}
		}, webhook.ErrTimestampExpired, "in the future"},
		{"timestamp not a number", func() delivery { d := good; d.timestamp = "2026-11-30T10:00:00Z"; return d },
			webhook.ErrInvalidHeader, `svix-timestamp "2026-11-30T10:00:00Z" is not a Unix time`},
		{"missing svix-id", func() delivery { d := good; d.id = ""; return d }, webhook.ErrMissingHeader, "missing header: svix-id"},
		{"missing svix-timestamp", func() delivery { d := good; d.timestamp = ""; return d }, webhook.ErrMissingHeader, "missing header: svix-timestamp"},
		{"missing svix-signature", func() delivery { d := good; d.signature = ""; return d }, webhook.ErrMissingHeader, "missing header: svix-signature"},
		{"no headers", func() delivery { return delivery{body: []byte(unlockBody)} }, webhook.ErrMissingHeader,
			"missing header: svix-id, svix-timestamp, svix-signature"},
		{"signed, but not JSON", func() delivery { return signedAt(testKey, testNow, "ok") }, webhook.ErrInvalidPayload, "not a JSON object"},
		{"signed, but no event_type", func() delivery { return signedAt(testKey, testNow, `{"event_id":"e1"}`) }, webhook.ErrInvalidPayload, "event_type is missing"},
		{"signed, empty body", func() delivery { return signedAt(testKey, testNow, "") }, webhook.ErrInvalidPayload, "not a JSON object"},
	}
	v := newTestVerifier(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.d()
			ev, err := v.Verify(d.headers(), d.body)
			assertOnly(t, err, tc.want)
			assert.Contains(t, err.Error(), tc.msg)
			assert.Equal(t, seam.Event{}, ev)
			if tc.want == webhook.ErrInvalidPayload {
				assert.ErrorIs(t, err, seam.ErrInvalidEvent)
				assert.NoError(t, v.VerifySignature(d.headers(), d.body), "the signature itself is valid")
			}
		})
	}
}

func TestVerifySeveralSignaturesOneValid(t *testing.T) {
	v := newTestVerifier(t)
	good := signedAt(testKey, testNow, unlockBody)
	stale := sign([]byte("the endpoint's previous key......"), good.id, good.timestamp, good.body)
	for _, header := range []string{
		stale + " " + good.signature,
		good.signature + " " + stale,
		"v1,AAAA " + stale + " " + good.signature + " v2,xyz",
		"v1a,junk " + good.signature,
	} {
		d := good
		d.signature = header
		_, err := v.Verify(d.headers(), d.body)
		assert.NoError(t, err, "svix-signature %q", header)
	}
}

func TestVerifyToleranceBoundaries(t *testing.T) {
	assert.Equal(t, 5*time.Minute, webhook.DefaultTolerance, "Svix's default")
	v := newTestVerifier(t)
	for _, offset := range []time.Duration{-5 * time.Minute, 5 * time.Minute, 0} {
		d := signedAt(testKey, testNow.Add(offset), unlockBody)
		_, err := v.Verify(d.headers(), d.body)
		assert.NoError(t, err, "timestamp now%+v is within the default tolerance", offset)
	}

	wide := newTestVerifier(t, webhook.WithTolerance(time.Hour))
	d := signedAt(testKey, testNow.Add(-59*time.Minute), unlockBody)
	_, err := wide.Verify(d.headers(), d.body)
	assert.NoError(t, err, "WithTolerance widens the window")
	d = signedAt(testKey, testNow.Add(61*time.Minute), unlockBody)
	_, err = wide.Verify(d.headers(), d.body)
	assertOnly(t, err, webhook.ErrTimestampExpired)

	narrow := newTestVerifier(t, webhook.WithTolerance(10*time.Second))
	d = signedAt(testKey, testNow.Add(-11*time.Second), unlockBody)
	_, err = narrow.Verify(d.headers(), d.body)
	assertOnly(t, err, webhook.ErrTimestampExpired)
	assert.Contains(t, err.Error(), "11s old, more than 10s")

	// Without a clock option the real time is used: a delivery signed now
	// passes, one signed an hour ago does not.
	real, err := webhook.NewVerifier(testSecret)
	require.NoError(t, err)
	d = signedAt(testKey, time.Now(), unlockBody)
	_, err = real.Verify(d.headers(), d.body)
	assert.NoError(t, err)
	d = signedAt(testKey, time.Now().Add(-time.Hour), unlockBody)
	_, err = real.Verify(d.headers(), d.body)
	assertOnly(t, err, webhook.ErrTimestampExpired)
}

// TestVerifySvixTestVector checks the example Svix publishes (in its
// documentation and in the libraries' tests, e.g. TestWebhookSign in
// github.com/svix/svix-webhooks go/webhook_test.go): the independent
// signer here gives the published signature, and the verifier accepts it
// at the vector's time and refuses it today.
func TestVerifySvixTestVector(t *testing.T) {
	const (
		secret    = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
		id        = "msg_p5jXN8AQM9LWM0D4loKWxJek"
		timestamp = "1614265330"
		body      = `{"test": 2432232314}`
		signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
	)
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	require.NoError(t, err)
	assert.Equal(t, signature, sign(key, id, timestamp, []byte(body)), "the test's signer follows Svix's scheme")

	d := delivery{id: id, timestamp: timestamp, signature: signature, body: []byte(body)}
	then, err := webhook.NewVerifier(secret, webhook.WithClock(func() time.Time { return time.Unix(1614265330, 0).Add(time.Minute) }))
	require.NoError(t, err)
	assert.NoError(t, then.VerifySignature(d.headers(), d.body))
	_, err = then.Verify(d.headers(), d.body)
	assert.ErrorIs(t, err, webhook.ErrInvalidPayload, "the vector's body is not a Seam event")

	tampered := d
	tampered.body = []byte(`{"test": 2432232315}`)
	assert.ErrorIs(t, then.VerifySignature(tampered.headers(), tampered.body), webhook.ErrSignatureMismatch)

	today, err := webhook.NewVerifier(secret)
	require.NoError(t, err)
	assert.ErrorIs(t, today.VerifySignature(d.headers(), d.body), webhook.ErrTimestampExpired)
}

func TestNewVerifierInvalidSecret(t *testing.T) {
	for _, tc := range []struct{ name, secret, msg string }{
		{"empty", "", "the secret is empty"},
		{"prefix only", "whsec_", "no key after"},
		{"not base64", "whsec_not*base64*at*all!", "standard base64"},
		{"bad padding", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", "standard base64"},
		{"url-safe alphabet", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa_-", "standard base64"},
		{"an API key", "seam_apikey1_token", "standard base64"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := webhook.NewVerifier(tc.secret)
			require.ErrorIs(t, err, webhook.ErrInvalidSecret)
			assert.Nil(t, v)
			assert.Contains(t, err.Error(), tc.msg)
			if tc.secret != "" && tc.secret != "whsec_" {
				assert.NotContains(t, err.Error(), strings.TrimPrefix(tc.secret, "whsec_"), "the secret is not in the error")
			}
		})
	}
}

func TestVerifierOptionsInvalid(t *testing.T) {
	for name, opt := range map[string]webhook.VerifierOption{
		"zero tolerance":     webhook.WithTolerance(0),
		"negative tolerance": webhook.WithTolerance(-time.Second),
		"nil clock":          webhook.WithClock(nil),
	} {
		_, err := webhook.NewVerifier(testSecret, opt)
		assert.ErrorIs(t, err, seam.ErrInvalidOptions, name)
		assert.False(t, errors.Is(err, webhook.ErrInvalidSecret), name)
		assertNoSecret(t, err.Error())
	}
	v, err := webhook.NewVerifier(testSecret, nil)
	require.NoError(t, err, "a nil option is ignored")
	assert.NotNil(t, v)
}

func TestVerifyExtremeTimestamps(t *testing.T) {
	for _, tc := range []struct {
		name      string
		tolerance time.Duration
		timestamp string
		want      error
	}{
		{"year 292 billion", webhook.DefaultTolerance, "9223372036854775807", webhook.ErrTimestampExpired},
		{"before the epoch", webhook.DefaultTolerance, "-9223372036854775808", webhook.ErrTimestampExpired},
		{"out of int64", webhook.DefaultTolerance, "9223372036854775808", webhook.ErrInvalidHeader},
		{"huge tolerance, far future", time.Duration(1<<63 - 1), "9223372036854775807", webhook.ErrSignatureMismatch},
		{"huge tolerance, far past", time.Duration(1<<63 - 1), "-9223372036854775808", webhook.ErrSignatureMismatch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := newTestVerifier(t, webhook.WithTolerance(tc.tolerance))
			d := delivery{id: "msg_x", timestamp: tc.timestamp, signature: "v1,AAAA", body: []byte(unlockBody)}
			_, err := v.Verify(d.headers(), d.body)
			assertOnly(t, err, tc.want)
		})
	}
}
