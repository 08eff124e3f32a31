package seam

// Version is the version of this SDK. It is sent to the Seam API in the
// seam-sdk-version header and in the User-Agent.
const Version = "0.1.0"

// SDKName identifies this SDK to the Seam API in the seam-sdk-name header.
const SDKName = "seam-go"
