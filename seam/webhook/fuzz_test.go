package webhook_test

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/seamgo/seam-go/seam"
	"github.com/seamgo/seam-go/seam/webhook"
)

// FuzzVerify sends arbitrary deliveries to a Verifier and checks each
// answer against an oracle written from Svix's documented rules: which
// error (exactly one sentinel) or success the headers, timestamp,
// signatures and body call for, and that no error contains the secret.
// When sign is set, the correct signature (computed independently) is
// appended to svix-signature, so that mutations of the body, id and
// timestamp also explore the accepted path. The seed corpus is in
// testdata/fuzz/FuzzVerify.
func FuzzVerify(f *testing.F) {
	now := strconv.FormatInt(testNow.Unix(), 10)
	f.Add("msg_1", now, []byte(unlockBody), "", true)
	f.Add("msg_1", now, []byte(unlockBody), "v1,AAAA", false)
	f.Add("msg_1", strconv.FormatInt(testNow.Unix()-301, 10), []byte(unlockBody), "", true)
	f.Add("", now, []byte(`{"event_id":"e","event_type":"x.y"}`), "v2,abc", true)

	v, err := webhook.NewVerifier(testSecret, webhook.WithClock(func() time.Time { return testNow }))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, id, timestamp string, body []byte, signatures string, sign bool) {
		secs, parseErr := strconv.ParseInt(timestamp, 10, 64)
		good := signFor(id, secs, body)
		if sign {
			signatures += " " + good
		}
		headers := http.Header{"Svix-Id": {id}, "Svix-Timestamp": {timestamp}, "Svix-Signature": {signatures}}

		ev, err := v.Verify(headers, body)

		var want error
		switch {
		case id == "" || timestamp == "" || signatures == "":
			want = webhook.ErrMissingHeader
		case parseErr != nil:
			want = webhook.ErrInvalidHeader
		case secs < testNow.Unix()-300 || secs > testNow.Unix()+300:
			want = webhook.ErrTimestampExpired
		case !hasSignature(signatures, good):
			want = webhook.ErrSignatureMismatch
		}
		if err != nil {
			if strings.Contains(err.Error(), strings.TrimPrefix(testSecret, "whsec_")) || strings.Contains(err.Error(), string(testKey)) {
				t.Fatalf("the error contains the secret: %v", err)
			}
			matched := 0
			for _, s := range sentinels {
				if errors.Is(err, s) {
					matched++
				}
			}
			if matched != 1 {
				t.Fatalf("error %q matches %d sentinels", err, matched)
			}
		}
		if want != nil {
			if !errors.Is(err, want) {
				t.Fatalf("want %v, got %v", want, err)
			}
			return
		}
		// Verified: the body either decodes as an event, identical to
		// ParseEvent's, or is refused as a payload.
		parsed, parseEventErr := seam.ParseEvent(body)
		switch {
		case parseEventErr != nil:
			if !errors.Is(err, webhook.ErrInvalidPayload) || !errors.Is(err, seam.ErrInvalidEvent) {
				t.Fatalf("body %q is not an event, got %v", body, err)
			}
		case err != nil:
			t.Fatalf("valid delivery refused: %v", err)
		case ev.ID != parsed.ID || ev.Type != parsed.Type || !bytes.Equal(ev.Raw, parsed.Raw) || ev.Known() != parsed.Known():
			t.Fatalf("Verify gave %+v, ParseEvent %+v", ev, parsed)
		}
	})
}

// signFor signs a delivery over the canonical decimal form of the
// timestamp, as Svix does.
func signFor(id string, secs int64, body []byte) string {
	return sign(testKey, id, strconv.FormatInt(secs, 10), body)
}

// hasSignature reports whether one of the space-separated entries of
// header is a v1 signature equal to good's: Svix compares the first two
// comma-separated parts of each entry, version and signature.
func hasSignature(header, good string) bool {
	want := strings.TrimPrefix(good, "v1,")
	for _, entry := range strings.Split(header, " ") {
		parts := strings.Split(entry, ",")
		if len(parts) >= 2 && parts[0] == "v1" && parts[1] == want {
			return true
		}
	}
	return false
}
