# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pages_rma_desk_new.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QStackedWidget, QTableView, QVBoxLayout, QWidget

class Ui_NewRmaTab(object):
    def setupUi(self, NewRmaTab):
        if not NewRmaTab.objectName():
            NewRmaTab.setObjectName(u"NewRmaTab")
        NewRmaTab.resize(900, 700)
        self.newRmaLayout = QVBoxLayout(NewRmaTab)
        self.newRmaLayout.setObjectName(u"newRmaLayout")
        self.newRmaStack = QStackedWidget(NewRmaTab)
        self.newRmaStack.setObjectName(u"newRmaStack")
        self.requestPane = QWidget()
        self.requestPane.setObjectName(u"requestPane")
        self.requestLayout = QVBoxLayout(self.requestPane)
        self.requestLayout.setObjectName(u"requestLayout")
        self.requestLayout.setContentsMargins(0, 0, 0, 0)
        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.orderSearchLabel = QLabel(self.requestPane)
        self.orderSearchLabel.setObjectName(u"orderSearchLabel")

        self.searchRow.addWidget(self.orderSearchLabel)

        self.orderSearchEdit = QLineEdit(self.requestPane)
        self.orderSearchEdit.setObjectName(u"orderSearchEdit")
        self.orderSearchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.orderSearchEdit)

        self.findButton = QPushButton(self.requestPane)
        self.findButton.setObjectName(u"findButton")
        self.findButton.setAutoDefault(True)

        self.searchRow.addWidget(self.findButton)


        self.requestLayout.addLayout(self.searchRow)

        self.ordersTable = QTableView(self.requestPane)
        self.ordersTable.setObjectName(u"ordersTable")
        self.ordersTable.setMaximumSize(QSize(16777215, 190))
        self.ordersTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ordersTable.setAlternatingRowColors(True)
        self.ordersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ordersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ordersTable.setWordWrap(False)

        self.requestLayout.addWidget(self.ordersTable)

        self.orderLabel = QLabel(self.requestPane)
        self.orderLabel.setObjectName(u"orderLabel")
        self.orderLabel.setWordWrap(True)

        self.requestLayout.addWidget(self.orderLabel)

        self.linesScroll = QScrollArea(self.requestPane)
        self.linesScroll.setObjectName(u"linesScroll")
        self.linesScroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.linesScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.linesScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.linesScroll.setWidgetResizable(True)
        self.linesArea = QWidget()
        self.linesArea.setObjectName(u"linesArea")
        self.linesArea.setGeometry(QRect(0, 0, 880, 200))
        self.linesGrid = QGridLayout(self.linesArea)
        self.linesGrid.setObjectName(u"linesGrid")
        self.linesGrid.setContentsMargins(0, 0, 0, 0)
        self.linesScroll.setWidget(self.linesArea)

        self.requestLayout.addWidget(self.linesScroll)

        self.requestGrid = QGridLayout()
        self.requestGrid.setObjectName(u"requestGrid")
        self.reasonLabel = QLabel(self.requestPane)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.requestGrid.addWidget(self.reasonLabel, 0, 0, 1, 1)

        self.reasonCombo = QComboBox(self.requestPane)
        self.reasonCombo.setObjectName(u"reasonCombo")

        self.requestGrid.addWidget(self.reasonCombo, 0, 1, 1, 1)

        self.choiceLabel = QLabel(self.requestPane)
        self.choiceLabel.setObjectName(u"choiceLabel")

        self.requestGrid.addWidget(self.choiceLabel, 0, 2, 1, 1)

        self.choiceCombo = QComboBox(self.requestPane)
        self.choiceCombo.setObjectName(u"choiceCombo")

        self.requestGrid.addWidget(self.choiceCombo, 0, 3, 1, 1)

        self.trackingLabel = QLabel(self.requestPane)
        self.trackingLabel.setObjectName(u"trackingLabel")

        self.requestGrid.addWidget(self.trackingLabel, 1, 0, 1, 1)

        self.trackingEdit = QLineEdit(self.requestPane)
        self.trackingEdit.setObjectName(u"trackingEdit")
        self.trackingEdit.setClearButtonEnabled(True)

        self.requestGrid.addWidget(self.trackingEdit, 1, 1, 1, 3)

        self.requestGrid.setColumnStretch(1, 1)
        self.requestGrid.setColumnStretch(3, 1)

        self.requestLayout.addLayout(self.requestGrid)

        self.checkLabel = QLabel(self.requestPane)
        self.checkLabel.setObjectName(u"checkLabel")
        self.checkLabel.setWordWrap(True)

        self.requestLayout.addWidget(self.checkLabel)

        self.requestButtons = QHBoxLayout()
        self.requestButtons.setObjectName(u"requestButtons")
        self.checkButton = QPushButton(self.requestPane)
        self.checkButton.setObjectName(u"checkButton")
        self.checkButton.setAutoDefault(True)
        self.checkButton.setEnabled(False)

        self.requestButtons.addWidget(self.checkButton)

        self.authorizeButton = QPushButton(self.requestPane)
        self.authorizeButton.setObjectName(u"authorizeButton")
        self.authorizeButton.setAutoDefault(True)
        self.authorizeButton.setEnabled(False)

        self.requestButtons.addWidget(self.authorizeButton)

        self.requestButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.requestButtons.addItem(self.requestButtonsSpacer)


        self.requestLayout.addLayout(self.requestButtons)

        self.newRmaStack.addWidget(self.requestPane)
        self.createdPane = QWidget()
        self.createdPane.setObjectName(u"createdPane")
        self.createdLayout = QVBoxLayout(self.createdPane)
        self.createdLayout.setObjectName(u"createdLayout")
        self.createdCaption = QLabel(self.createdPane)
        self.createdCaption.setObjectName(u"createdCaption")

        self.createdLayout.addWidget(self.createdCaption)

        self.createdNumberLabel = QLabel(self.createdPane)
        self.createdNumberLabel.setObjectName(u"createdNumberLabel")
        self.createdNumberLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.createdLayout.addWidget(self.createdNumberLabel)

        self.createdDetailLabel = QLabel(self.createdPane)
        self.createdDetailLabel.setObjectName(u"createdDetailLabel")
        self.createdDetailLabel.setWordWrap(True)

        self.createdLayout.addWidget(self.createdDetailLabel)

        self.labelStatusLabel = QLabel(self.createdPane)
        self.labelStatusLabel.setObjectName(u"labelStatusLabel")
        self.labelStatusLabel.setWordWrap(True)

        self.createdLayout.addWidget(self.labelStatusLabel)

        self.createdButtons = QHBoxLayout()
        self.createdButtons.setObjectName(u"createdButtons")
        self.printLabelButton = QPushButton(self.createdPane)
        self.printLabelButton.setObjectName(u"printLabelButton")
        self.printLabelButton.setAutoDefault(True)

        self.createdButtons.addWidget(self.printLabelButton)

        self.saveLabelButton = QPushButton(self.createdPane)
        self.saveLabelButton.setObjectName(u"saveLabelButton")
        self.saveLabelButton.setAutoDefault(True)

        self.createdButtons.addWidget(self.saveLabelButton)

        self.anotherButton = QPushButton(self.createdPane)
        self.anotherButton.setObjectName(u"anotherButton")
        self.anotherButton.setAutoDefault(True)

        self.createdButtons.addWidget(self.anotherButton)

        self.createdButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.createdButtons.addItem(self.createdButtonsSpacer)


        self.createdLayout.addLayout(self.createdButtons)

        self.createdSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.createdLayout.addItem(self.createdSpacer)

        self.newRmaStack.addWidget(self.createdPane)

        self.newRmaLayout.addWidget(self.newRmaStack)

#if QT_CONFIG(shortcut)
        self.orderSearchLabel.setBuddy(self.orderSearchEdit)
        self.reasonLabel.setBuddy(self.reasonCombo)
        self.choiceLabel.setBuddy(self.choiceCombo)
        self.trackingLabel.setBuddy(self.trackingEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.orderSearchEdit, self.findButton)
        QWidget.setTabOrder(self.findButton, self.ordersTable)
        QWidget.setTabOrder(self.ordersTable, self.reasonCombo)
        QWidget.setTabOrder(self.reasonCombo, self.choiceCombo)
        QWidget.setTabOrder(self.choiceCombo, self.trackingEdit)
        QWidget.setTabOrder(self.trackingEdit, self.checkButton)
        QWidget.setTabOrder(self.checkButton, self.authorizeButton)
        QWidget.setTabOrder(self.authorizeButton, self.printLabelButton)
        QWidget.setTabOrder(self.printLabelButton, self.saveLabelButton)
        QWidget.setTabOrder(self.saveLabelButton, self.anotherButton)

        self.retranslateUi(NewRmaTab)

        QMetaObject.connectSlotsByName(NewRmaTab)
    # setupUi

    def retranslateUi(self, NewRmaTab):
#if QT_CONFIG(accessibility)
        NewRmaTab.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"New RMA", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.newRmaStack.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"New RMA", None))
#endif // QT_CONFIG(accessibility)
        self.orderSearchLabel.setText(QCoreApplication.translate("NewRmaTab", u"&Order or customer", None))
#if QT_CONFIG(accessibility)
        self.orderSearchEdit.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Order number, customer account or name", None))
#endif // QT_CONFIG(accessibility)
        self.orderSearchEdit.setPlaceholderText(QCoreApplication.translate("NewRmaTab", u"order number, account or name", None))
#if QT_CONFIG(accessibility)
        self.findButton.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Find orders", None))
#endif // QT_CONFIG(accessibility)
        self.findButton.setText(QCoreApplication.translate("NewRmaTab", u"&Find", None))
#if QT_CONFIG(accessibility)
        self.ordersTable.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Orders found", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.orderLabel.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Order picked", None))
#endif // QT_CONFIG(accessibility)
        self.orderLabel.setText(QCoreApplication.translate("NewRmaTab", u"Find the customer's order, then press Enter on it.", None))
#if QT_CONFIG(accessibility)
        self.linesScroll.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Lines of the order", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("NewRmaTab", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reasonCombo.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Reason for the return", None))
#endif // QT_CONFIG(accessibility)
        self.reasonCombo.setPlaceholderText(QCoreApplication.translate("NewRmaTab", u"choose the reason", None))
        self.choiceLabel.setText(QCoreApplication.translate("NewRmaTab", u"&Customer wants", None))
#if QT_CONFIG(accessibility)
        self.choiceCombo.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"What the customer wants", None))
#endif // QT_CONFIG(accessibility)
        self.trackingLabel.setText(QCoreApplication.translate("NewRmaTab", u"&Tracking", None))
#if QT_CONFIG(accessibility)
        self.trackingEdit.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Tracking numbers of the return parcel", None))
#endif // QT_CONFIG(accessibility)
        self.trackingEdit.setPlaceholderText(QCoreApplication.translate("NewRmaTab", u"optional; several separated by commas", None))
#if QT_CONFIG(accessibility)
        self.checkLabel.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"What the policy says", None))
#endif // QT_CONFIG(accessibility)
        self.checkLabel.setText("")
#if QT_CONFIG(accessibility)
        self.checkButton.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Check the request against the policy", None))
#endif // QT_CONFIG(accessibility)
        self.checkButton.setText(QCoreApplication.translate("NewRmaTab", u"Chec&k [F5]", None))
#if QT_CONFIG(accessibility)
        self.authorizeButton.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Authorize the return and create the RMA", None))
#endif // QT_CONFIG(accessibility)
        self.authorizeButton.setText(QCoreApplication.translate("NewRmaTab", u"&Authorize [Enter]", None))
        self.createdCaption.setText(QCoreApplication.translate("NewRmaTab", u"RMA created", None))
#if QT_CONFIG(accessibility)
        self.createdNumberLabel.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Number of the new RMA", None))
#endif // QT_CONFIG(accessibility)
        self.createdNumberLabel.setText("")
#if QT_CONFIG(accessibility)
        self.createdDetailLabel.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"What the new RMA returns", None))
#endif // QT_CONFIG(accessibility)
        self.createdDetailLabel.setText("")
#if QT_CONFIG(accessibility)
        self.labelStatusLabel.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Label status", None))
#endif // QT_CONFIG(accessibility)
        self.labelStatusLabel.setText("")
#if QT_CONFIG(accessibility)
        self.printLabelButton.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Print the RMA's label", None))
#endif // QT_CONFIG(accessibility)
        self.printLabelButton.setText(QCoreApplication.translate("NewRmaTab", u"&Print label [F5]", None))
#if QT_CONFIG(accessibility)
        self.saveLabelButton.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Save the RMA's label as PDF", None))
#endif // QT_CONFIG(accessibility)
        self.saveLabelButton.setText(QCoreApplication.translate("NewRmaTab", u"Save label as P&DF\u2026", None))
#if QT_CONFIG(accessibility)
        self.anotherButton.setAccessibleName(QCoreApplication.translate("NewRmaTab", u"Start another RMA", None))
#endif // QT_CONFIG(accessibility)
        self.anotherButton.setText(QCoreApplication.translate("NewRmaTab", u"Start &another RMA", None))
    # retranslateUi

