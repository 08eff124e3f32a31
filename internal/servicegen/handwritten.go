package servicegen

// HandWritten lists the paths whose service method is written by hand in
// seam/ (the generator skips them), with that method, as the naming rule
// places it: "AccessCodes.Create" for /access_codes/create. It is the one
// list of hand-written operations; seam's tests check that every path here
// has its method and that the generated file has none of them.
//
// To write an operation by hand: add its path and method here, write the
// method in seam/ (on the generic call helpers of seam/call.go), and run
// go generate (or make generate).
var HandWritten = map[string]string{
	// Access codes: builders, presets and local validation.
	"/access_codes/create":                                "AccessCodes.Create",
	"/access_codes/create_multiple":                       "AccessCodes.CreateMultiple",
	"/access_codes/update":                                "AccessCodes.Update",
	"/access_codes/update_multiple":                       "AccessCodes.UpdateMultiple",
	"/access_codes/get":                                   "AccessCodes.Get",
	"/access_codes/list":                                  "AccessCodes.List",
	"/access_codes/generate_code":                         "AccessCodes.GenerateCode",
	"/access_codes/pull_backup_access_code":               "AccessCodes.PullBackupAccessCode",
	"/access_codes/report_device_constraints":             "AccessCodes.ReportDeviceConstraints",
	"/access_codes/simulate/create_unmanaged_access_code": "AccessCodes.Simulate.CreateUnmanagedAccessCode",
	"/access_codes/unmanaged/get":                         "AccessCodes.Unmanaged.Get",
	"/access_codes/unmanaged/list":                        "AccessCodes.Unmanaged.List",
	"/access_codes/unmanaged/update":                      "AccessCodes.Unmanaged.Update",
	"/access_codes/unmanaged/convert_to_managed":          "AccessCodes.Unmanaged.ConvertToManaged",
	// Conveniences taking the one id the operation needs, beyond what ByID
	// can say (a union body).
	"/connected_accounts/get": "ConnectedAccounts.Get",
	// Typed events (seam/events.go).
	"/events/get":  "Events.Get",
	"/events/list": "Events.List",
}

// HandDeclared lists the services whose struct type seam/ declares by hand
// (the generator declares every other one). Such a service must have no
// sub-service and no generated method.
var HandDeclared = map[string]bool{
	"Events": true,
}

// ByID lists the operations whose generated method takes the one id the
// operation is about as a string argument instead of the params pointer
// (Devices.Get(ctx, deviceID)), with that id's parameter. The generated
// method refuses an empty id before any request; the operation's other
// documented parameters stay reachable through seam.WithParams.
var ByID = map[string]string{
	"/access_codes/delete":           "access_code_id",
	"/access_codes/unmanaged/delete": "access_code_id",
	"/action_attempts/get":           "action_attempt_id",
	"/client_sessions/delete":        "client_session_id",
	"/client_sessions/get":           "client_session_id",
	"/connect_webviews/delete":       "connect_webview_id",
	"/connect_webviews/get":          "connect_webview_id",
	"/connected_accounts/delete":     "connected_account_id",
	"/devices/get":                   "device_id",
	"/locks/get":                     "device_id",
	"/locks/lock_door":               "device_id",
	"/locks/unlock_door":             "device_id",
}
