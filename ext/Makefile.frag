# The extension compiles against engine/ headers and links the core library
# built from them: if a header changed after the library was built, the two
# would disagree on the layout of shared structures (a crash, not an error).
# Refuse to link until the engine is rebuilt. The headers checked are those
# the extension's objects include (their .dep files).
./relais.la: | relais-core-check

relais-core-check:
	@lib="$(RELAIS_ENGINE_LIBDIR)/librelais_core.a"; \
	stale=`cat $(builddir)/ext/*.dep 2>/dev/null | tr ' \\\\' '\n\n' | grep '/engine/.*\.h$$' | sort -u | \
	  while read -r h; do if [ -f "$$h" ] && [ "$$h" -nt "$$lib" ]; then echo "$$h"; fi; done`; \
	if [ -n "$$stale" ]; then \
	  echo "relais: core headers newer than $$lib:"; echo "$$stale" | sed 's/^/  /'; \
	  echo "relais: rebuild the engine first: cmake --build build/engine (then make again)"; \
	  exit 1; \
	fi

.PHONY: relais-core-check
