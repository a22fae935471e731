// Types for Vite's module handling, such as importing a CSS file for its side effect.
/// <reference types="vite/client" />
