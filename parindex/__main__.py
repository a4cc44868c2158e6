from parindex.cli.app import main

main()
