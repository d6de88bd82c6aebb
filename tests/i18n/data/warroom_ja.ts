<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- An empty Japanese translation: the check must fail on it (test i18n_translations_selftest). -->
<TS version="2.1" language="ja_JP">
</TS>
