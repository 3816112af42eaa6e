# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHBoxLayout, QListWidget, QStackedWidget, QStatusBar, QTableWidget, QVBoxLayout, QWidget

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1600, 1000)
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QHBoxLayout(self.centralWidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.navigationList = QListWidget(self.centralWidget)
        self.navigationList.setObjectName(u"navigationList")
        self.navigationList.setMinimumSize(QSize(140, 0))
        self.navigationList.setMaximumSize(QSize(160, 16777215))
        self.navigationList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.centralLayout.addWidget(self.navigationList)

        self.pageStack = QStackedWidget(self.centralWidget)
        self.pageStack.setObjectName(u"pageStack")

        self.centralLayout.addWidget(self.pageStack)

        MainWindow.setCentralWidget(self.centralWidget)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)
        self.keyboardMapDock = QDockWidget(MainWindow)
        self.keyboardMapDock.setObjectName(u"keyboardMapDock")
        self.keyboardMapDock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.keyboardMapContents = QWidget()
        self.keyboardMapContents.setObjectName(u"keyboardMapContents")
        self.keyboardMapLayout = QVBoxLayout(self.keyboardMapContents)
        self.keyboardMapLayout.setObjectName(u"keyboardMapLayout")
        self.keyboardMapTable = QTableWidget(self.keyboardMapContents)
        self.keyboardMapTable.setObjectName(u"keyboardMapTable")
        self.keyboardMapTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.keyboardMapTable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keyboardMapTable.setWordWrap(True)

        self.keyboardMapLayout.addWidget(self.keyboardMapTable)

        self.keyboardMapDock.setWidget(self.keyboardMapContents)
        MainWindow.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.keyboardMapDock)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Returns Receiving Station", None))
#if QT_CONFIG(accessibility)
        self.navigationList.setAccessibleName(QCoreApplication.translate("MainWindow", u"Pages", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.pageStack.setAccessibleName(QCoreApplication.translate("MainWindow", u"Current page", None))
#endif // QT_CONFIG(accessibility)
        self.keyboardMapDock.setWindowTitle(QCoreApplication.translate("MainWindow", u"Keyboard map (F1)", None))
#if QT_CONFIG(accessibility)
        self.keyboardMapDock.setAccessibleName(QCoreApplication.translate("MainWindow", u"Keyboard map", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.keyboardMapTable.setAccessibleName(QCoreApplication.translate("MainWindow", u"Keys and what they do", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

