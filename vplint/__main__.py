from vplint.cli.main import main

raise SystemExit(main())
