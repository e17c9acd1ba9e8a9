// Standalone sandbox entry point; see issue 3.
return 0;
