// Command drawicon draws the servicebp application icon, a stylised service
// blueprint, and writes it as a PNG:
//
//	go run ./internal/tools/drawicon -o assets/icon.png
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("o", "assets/icon.png", "output `file`")
	size := flag.Int("size", design, "edge length in `pixels`")
	flag.Parse()
	if flag.NArg() != 0 || *size < 16 || *size > 4096 {
		flag.Usage()
		os.Exit(2)
	}
	if err := write(*out, *size); err != nil {
		fmt.Fprintln(os.Stderr, "drawicon:", err)
		os.Exit(1)
	}
}

// write renders the icon at size pixels and writes it to path, through a
// temporary file in the same folder so that a failure leaves no half file.
func write(path string, size int) error {
	var buf bytes.Buffer
	if err := png.Encode(&buf, drawIcon(size)); err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".icon-*.png")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
