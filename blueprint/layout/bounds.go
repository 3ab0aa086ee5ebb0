package layout

import "servicebp/blueprint"

// MinSize returns a lower bound of the size that Compute gives d with st,
// worked out without measuring any text: every column is at least
// st.MinColumnWidth wide and every lane at least st.MinLaneHeight high,
// inside the margins and beside the lane headers. It lets a caller refuse
// a drawing too large to make before measuring thousands of texts.
func MinSize(d *blueprint.Document, st Style) (w, h float32) {
	if d == nil {
		return 2 * st.Margin, 2 * st.Margin
	}
	w = 2*st.Margin + st.LaneHeaderWidth + float32(len(d.Columns))*st.MinColumnWidth
	h = 2*st.Margin + float32(len(d.Lanes))*st.MinLaneHeight
	return w, h
}
