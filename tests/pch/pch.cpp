// Carrier for the precompiled test headers.
