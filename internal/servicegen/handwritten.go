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
	"/access_codes/delete":                                "AccessCodes.Delete",
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
	"/access_codes/unmanaged/delete":                      "AccessCodes.Unmanaged.Delete",
	// Conveniences taking the one id the operation needs.
	"/action_attempts/get":       "ActionAttempts.Get",
	"/devices/get":               "Devices.Get",
	"/locks/get":                 "Locks.Get",
	"/locks/lock_door":           "Locks.LockDoor",
	"/locks/unlock_door":         "Locks.UnlockDoor",
	"/client_sessions/get":       "ClientSessions.Get",
	"/client_sessions/delete":    "ClientSessions.Delete",
	"/connect_webviews/get":      "ConnectWebviews.Get",
	"/connect_webviews/delete":   "ConnectWebviews.Delete",
	"/connected_accounts/get":    "ConnectedAccounts.Get",
	"/connected_accounts/delete": "ConnectedAccounts.Delete",
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
