// Package sfnt reads one face of an OpenType font collection (.ttc/.otc)
// as a standalone font file, and finds the system's Chinese faces. Fyne
// takes a font only as a single .ttf or .otf, while Linux ships the Noto
// CJK faces as collections; it has no Fyne in it.
package sfnt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// maxFont bounds what Face reads: the Noto CJK collections are about
// 20 MB, and one of their faces about 16 MB.
const maxFont = 64 << 20

// Face returns face index of the font file at path as a standalone font
// file: a face of a collection with its own table directory and a copy of
// its tables, or the whole file when it is not a collection (index must
// then be 0).
func Face(path string, index int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	out, err := Extract(f, st.Size(), index)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// Extract is Face for a font file of size bytes read through r.
func Extract(r io.ReaderAt, size int64, index int) ([]byte, error) {
	if size > maxFont {
		return nil, fmt.Errorf("font file of %d bytes is over %d", size, maxFont)
	}
	var head [12]byte
	if _, err := r.ReadAt(head[:], 0); err != nil {
		return nil, fmt.Errorf("font header: %w", err)
	}
	if string(head[:4]) != "ttcf" {
		if index != 0 {
			return nil, fmt.Errorf("face %d of a single font", index)
		}
		out := make([]byte, size)
		if _, err := r.ReadAt(out, 0); err != nil {
			return nil, err
		}
		return out, nil
	}
	n := binary.BigEndian.Uint32(head[8:])
	if index < 0 || uint32(index) >= n {
		return nil, fmt.Errorf("no face %d in a collection of %d", index, n)
	}
	var off [4]byte
	if _, err := r.ReadAt(off[:], 12+4*int64(index)); err != nil {
		return nil, fmt.Errorf("collection header: %w", err)
	}
	dir := int64(binary.BigEndian.Uint32(off[:]))
	var table [12]byte
	if _, err := r.ReadAt(table[:], dir); err != nil {
		return nil, fmt.Errorf("face %d: %w", index, err)
	}
	numTables := int(binary.BigEndian.Uint16(table[4:]))
	records := make([]byte, 16*numTables)
	if _, err := r.ReadAt(records, dir+12); err != nil {
		return nil, fmt.Errorf("face %d's tables: %w", index, err)
	}
	// The new file: the offset table, the records, then each table at a
	// 4-byte boundary, as the format asks.
	total := int64(12 + len(records))
	for i := range numTables {
		rec := records[16*i:]
		at, length := int64(binary.BigEndian.Uint32(rec[8:])), int64(binary.BigEndian.Uint32(rec[12:]))
		if at+length > size {
			return nil, errors.New("a table runs past the end of the file")
		}
		total += (length + 3) &^ 3
	}
	if total > maxFont {
		return nil, fmt.Errorf("face %d is over %d bytes", index, maxFont)
	}
	out := make([]byte, total)
	copy(out, table[:])
	copy(out[12:], records)
	next := int64(12 + len(records))
	for i := range numTables {
		rec := out[12+16*i:]
		at, length := int64(binary.BigEndian.Uint32(rec[8:])), int64(binary.BigEndian.Uint32(rec[12:]))
		if _, err := r.ReadAt(out[next:next+length], at); err != nil {
			return nil, fmt.Errorf("face %d's table %q: %w", index, rec[:4], err)
		}
		binary.BigEndian.PutUint32(rec[8:], uint32(next))
		next += (length + 3) &^ 3
	}
	return out, nil
}
