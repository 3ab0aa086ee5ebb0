package assets

import _ "embed" // for the go:embed directives below

// NotoSansRegular and NotoSansBold are the bundled Latin fonts of the
// exports (Noto Sans, the same files Fyne bundles), under the SIL Open Font
// License in fonts/OFL.txt.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	NotoSansRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	NotoSansBold []byte
)
