package webhook_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
	"github.com/seamgo/seam-go/seam/webhook"
)

// A handler that reacts to access_code.set_on_device and lock.unlocked.
// The example signs its deliveries itself, the way Seam (through Svix)
// does, and sends them to the handler; in production, mount the handler on
// your server (http.Handle("POST /webhooks/seam", handler)).
func ExampleNewHandler() {
	// The secret Seam shows for the webhook; keep it out of your code.
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

	verifier, err := webhook.NewVerifier(secret)
	if err != nil {
		log.Fatal(err)
	}
	handler, err := webhook.NewHandler(verifier, func(ctx context.Context, ev seam.Event) error {
		switch e := ev.Data.(type) {
		case gen.EventAccessCodeSetOnDevice:
			fmt.Printf("code %s is on %s: tell the guest\n", e.AccessCodeId, e.DeviceId)
		case gen.EventLockUnlocked:
			fmt.Printf("%s unlocked, method %s\n", ev.DeviceID, e.Method)
		default:
			fmt.Printf("%s: not handled (known to this SDK: %v)\n", ev.Type, ev.Known())
		}
		return nil // an error answers 500 and Svix retries; webhook.Ack(err) answers 200
	})
	if err != nil {
		log.Fatal(err)
	}

	for _, body := range []string{
		`{"event_id":"e1","event_type":"access_code.set_on_device","access_code_id":"ac_42","code":"1234",` +
			`"device_id":"front_door","connected_account_id":"ca_1","workspace_id":"ws_1",` +
			`"occurred_at":"2026-11-30T10:00:00Z","created_at":"2026-11-30T10:00:01Z"}`,
		`{"event_id":"e2","event_type":"lock.unlocked","method":"keycode","access_code_id":"ac_42",` +
			`"device_id":"front_door","connected_account_id":"ca_1","workspace_id":"ws_1",` +
			`"occurred_at":"2026-11-30T18:00:00Z","created_at":"2026-11-30T18:00:02Z"}`,
		`{"event_id":"e3","event_type":"drone.landed","workspace_id":"ws_1",` +
			`"occurred_at":"2026-11-30T18:30:00Z","created_at":"2026-11-30T18:30:00Z"}`,
	} {
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, signedDelivery(secret, body))
		fmt.Println("→", w.Code)
	}

	// A delivery altered on the way is refused before your function runs.
	req := signedDelivery(secret, `{"event_id":"e4","event_type":"lock.unlocked"}`)
	req.Header.Set("Svix-Id", "msg_forged")
	w := httptest.NewRecorder()
	handler.ServeHTTP(w, req)
	fmt.Println("→", w.Code)

	// Output:
	// code ac_42 is on front_door: tell the guest
	// → 204
	// front_door unlocked, method keycode
	// → 204
	// drone.landed: not handled (known to this SDK: false)
	// → 204
	// → 401
}

// signedDelivery builds the request Seam would send: svix-id,
// svix-timestamp (now) and svix-signature, "v1," followed by the base64
// HMAC-SHA256 of "<id>.<timestamp>.<body>" keyed with the base64-decoded
// part of the secret after "whsec_".
func signedDelivery(secret, body string) *http.Request {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		log.Fatal(err)
	}
	id, timestamp := "msg_"+strconv.Itoa(len(body)), strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + timestamp + "." + body))

	req := httptest.NewRequest(http.MethodPost, "/webhooks/seam", strings.NewReader(body))
	req.Header.Set("Svix-Id", id)
	req.Header.Set("Svix-Timestamp", timestamp)
	req.Header.Set("Svix-Signature", "v1,"+base64.StdEncoding.EncodeToString(mac.Sum(nil)))
	return req
}
