package blueprint

import "testing"

// TestSlugCutsAtAWordBoundary: generated ids read as whole words in git.
func TestSlugCutsAtAWordBoundary(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Hotel entrance and signage", "hotel-entrance-and"},
		{"Housekeeping readies room", "housekeeping-readies"},
		{"Order a flat white", "order-a-flat-white"},
		{"Pay by card at the counter", "pay-by-card-at-the"},
		{"Supercalifragilisticexpialidocious", "supercalifragilisticexpi"},
		{"结算页核对地址和金额", "结算页核对地址和"},
		{"Check in: passport, card", "check-in-passport-card"},
	} {
		if got := Slug(tc.text); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
